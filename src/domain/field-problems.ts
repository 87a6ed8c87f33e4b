// A field of a policy (or any input the domain checks) and why it is refused.
export interface FieldProblem {
  field: string;
  reason: string;
}
