// Generated from the API's OpenAPI document by dev/api-types.ts; do not edit by hand.
// UPDATE_API_TYPES=1 npx jest test/integration/openapi.test.ts writes it again.

export type ActionDto = {
  name: "schedule-screening" | "record-screening" | "record-role-play" | "respond-offer" | "record-training" | "record-ride-along" | "submit-debrief" | "record-group-debrief" | "set-work-plan" | "submit-timesheet" | "approve-pay-period" | "pause" | "resume" | "reject" | "withdraw" | "terminate";
  label: string;
  /** The stages that accept it */
  stages: ("applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible")[];
};
export type ActivityDto = {
  debriefs: number;
  lateDebriefs: number;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
  /** Debriefs held in person as a group */
  groupDebriefs: number;
};
export type AllowanceDto = {
  /** Lower case, 1 to 30 characters */
  name: string;
  /** Per pay period, in minor units (cents) */
  capMinor: number;
};
export type ApplicationDto = {
  /** The member number in the local (case does not matter) */
  memberId: string;
  name: string;
  email: string;
  phone?: string;
  local?: string;
  attestations: AttestationsDto;
};
export type ApplicationsOpenDto = {
  from?: string;
  until?: string;
};
export type ApplicationsOpenPolicyDto = {
  from?: string;
  until?: string;
};
export type ApprovePayPeriodDto = {
  /** The pay period approved */
  periodStart: string;
};
export type AttestationDto = {
  name: string;
  label: string;
};
export type AttestationsDto = {
  currentMember?: boolean;
  driversLicense?: boolean;
  insuredVehicle?: boolean;
  /** Hours a week the applicant commits to */
  weeklyHours: number;
  fullTerm?: boolean;
  doorKnocking?: boolean;
  /** A current steward or officer (flagged, not refused) */
  currentLeader?: boolean;
};
export type AuditEntryDto = {
  at: string;
  /** The user who acted (their id), or bootstrap-admin */
  actor: string;
  /** The acting user's name */
  actorName?: string;
  programId: string | null;
  /** application, an action, program-created, program-changed, roster-imported, user-created, user-revoked */
  kind: string;
  /** What it was done to: an organizer, a program or a user (id) */
  subject: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};
export type AuditListDto = {
  items: AuditEntryDto[];
  total: number;
};
export type BoardCardDto = {
  id: string;
  memberId: string;
  name: string;
  local: string | null;
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  stageEnteredAt: string;
  /** When the stage's time limit runs out (the program's policy), if the stage has one */
  stageDueAt: string | null;
  /** The next obligation's time: the screening, the offer's expiry, the next debrief */
  nextDueAt: string | null;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  flags: string[];
};
export type BoardDto = {
  /** Everyone in an open stage, longest in their stage first */
  items: BoardCardDto[];
  /** How many are in each closed stage */
  closed: Record<string, number>;
  /** The program's time zone, to show every time in */
  timezone: string;
};
export type CallerDto = {
  /** The user id, or bootstrap-admin for ADMIN_TOKEN */
  id: string;
  role: "admin" | "national" | "coordinator" | "organizer";
  programIds: string[];
  organizerId: string | null;
};
export type CreateGroupDebriefDto = {
  /** When the in-person group debrief was held (not in the future) */
  heldAt: string;
  location?: string;
  /** The organizers who attended (each active) */
  organizerIds: string[];
  notes?: string;
};
export type CreateGroupScreeningDto = {
  /** When the screening is held */
  at: string;
  location: string;
  /** The applicants invited (each in stage applied) */
  organizerIds: string[];
};
export type CreateProgramDto = {
  name: string;
  affiliate: string;
  kind: "member_organizer" | "political_organizer" | "civic_engagement";
  timezone: string;
  /** ISO-8601 date or date-time */
  termStart: string;
  /** ISO-8601; without it, each organizer serves policy.termLength */
  termEnd?: string;
  /** Up to 50 typed goals; the old object form ({ "oneOnOnesPerWeek": 3 }) is still accepted and converted (names the product knows become goals, others notes) */
  goals?: GoalInputDto[];
  /** Receives the weekly report */
  nationalContactEmail?: string;
  /** Merged over the preset of `kind` */
  policy?: PolicyPatchDto;
};
export type CreateUserDto = {
  email: string;
  name: string;
  role: "admin" | "national" | "coordinator" | "organizer";
  /** Programs a coordinator acts on */
  programIds?: string[];
  /** For an organizer: the organizer record they own */
  organizerId?: string;
};
export type CreateVoucherDto = {
  /** One local (default: every local) */
  local?: string;
  /** Pay periods ending by the end of this day are taken */
  through: string;
};
export type CreatedSessionDto = {
  results: PersonResultDto[];
  id: string;
};
export type CreatedUserDto = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "national" | "coordinator" | "organizer";
  programIds: string[];
  organizerId: string | null;
  revokedAt: string | null;
  /** The API token, shown this once; only its hash is kept */
  token: string;
};
export type DebriefDto = {
  periodStart: string;
  periodEnd: string;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
  inPerson: boolean;
  group: boolean;
  notes?: string;
  /** The program's own counts (policy.debriefMetrics) */
  metrics?: Record<string, number>;
};
export type DebriefDueDto = {
  /** For weekly cadences */
  weekday?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
  /** For monthly cadences (the last day of shorter months) */
  dayOfMonth?: number;
  /** Local time, HH:MM */
  time: string;
};
export type DebriefDuePolicyDto = {
  weekday?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
  dayOfMonth?: number;
  time: string;
};
export type ErasedDto = {
  organizerId: string;
  /** Where the record closed (withdrawn, when erasing ended it) */
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  erasedAt: string;
};
export type FormFieldDto = {
  name: string;
  label: string;
  /** money: typed in the currency (12.50), sent in minor units (1250); choice: one of options */
  kind: "hours" | "count" | "yesno" | "text" | "choice" | "decimal" | "money";
  required: boolean;
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  yesLabel?: string;
  noLabel?: string;
  options?: string[];
};
export type GoalDto = {
  name: string;
  metric?: string;
  scope?: "program" | "organizer_week" | "local";
  target?: number;
  percentOfMembers?: number;
  by?: string;
  note?: string | number | boolean;
};
export type GoalInputDto = {
  name: string;
  /** One of hires, debriefs, hours, conversations, one_on_ones, leaders_identified, or one of the program's debriefMetrics */
  metric: string;
  scope: "program" | "organizer_week" | "local";
  target?: number;
  /** Scope local: this percent of the local's active roster members */
  percentOfMembers?: number;
  /** The date it is for; the term's end when absent */
  by?: string;
};
export type GoalProgressDto = {
  /** The goal's name */
  goal: string;
  metric: string;
  scope: "program" | "organizer_week" | "local";
  /** The local, for a goal of each local */
  local?: string;
  target: number;
  /** So far: a count, or per organizer per week for that scope */
  actual: number;
  /** At the goal's date at the pace so far */
  forecast: number;
  onTrack: boolean;
  /** How far the forecast falls short of the target */
  behindBy: number;
  /** When the goal is for */
  by: string;
};
export type GoalProgressListDto = {
  items: GoalProgressDto[];
};
export type GroupSessionDto = {
  id: string;
  programId: string;
  kind: "screening" | "debrief";
  at: string;
  location: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
  members: SessionMemberDto[];
};
export type GroupSessionListDto = {
  items: GroupSessionDto[];
};
export type InboxDto = {
  /** By dueAt, earliest first; at most 500 */
  items: InboxItemDto[];
};
export type InboxItemDto = {
  kind: "screening_to_record" | "offer_expiring" | "debrief_overdue" | "debrief_due" | "organizer_at_risk" | "group_debrief_missing" | "ride_alongs_behind" | "stage_stalled";
  /** The kind in words */
  title: string;
  organizerId: string;
  name: string;
  programId: string;
  /** The program's time zone, to show dueAt in */
  timezone: string;
  /** When it is (or was) due */
  dueAt: string;
  /** The rule that produced it, from the program policy */
  rule: string;
  /** The period it concerns (debriefs, group debriefs) */
  period?: InboxPeriodDto;
  /** The action that clears it */
  action?: "schedule-screening" | "record-screening" | "record-role-play" | "respond-offer" | "record-training" | "record-ride-along" | "submit-debrief" | "record-group-debrief" | "set-work-plan" | "submit-timesheet" | "approve-pay-period" | "pause" | "resume" | "reject" | "withdraw" | "terminate";
};
export type InboxPeriodDto = {
  start: string;
  end: string;
};
export type InterestAcceptedDto = {
  message: string;
};
export type InterestDto = {
  /** The member number in the local (case does not matter) */
  memberId: string;
  name: string;
  email: string;
  phone?: string;
  local?: string;
  attestations: AttestationsDto;
  /** Leave empty */
  website?: string;
};
export type LinkDto = {
  id: string;
  purpose: "debrief" | "offer" | "status" | "timesheet";
  /** The purpose in words */
  label: string;
  /** The debrief period start or the offer deadline */
  subject: string | null;
  state: "open" | "used" | "revoked" | "superseded" | "expired" | "done";
  /** `system` for a reminder, else the coordinator who sent it */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  revokedAt?: string;
};
export type LinkFormDto = {
  /** The fields to fill, in order; empty for a status link */
  fields: FormFieldDto[];
};
export type LinkListDto = {
  /** Newest first */
  items: LinkDto[];
  /** What a fresh link can be sent for now */
  available: LinkPurposeDto[];
};
export type LinkOfferDto = {
  hoursPerWeek: number;
  startDate: string;
  stipend?: number;
};
export type LinkPeriodDto = {
  start: string;
  end: string;
  overdueAt: string;
  overdue: boolean;
};
export type LinkPurposeDto = {
  purpose: "debrief" | "offer" | "status" | "timesheet";
  label: string;
};
export type LinkResultDto = {
  purpose: "debrief" | "offer" | "status" | "timesheet";
  /** What was recorded, in words */
  message: string;
  /** The values recorded */
  recorded: Record<string, unknown>;
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
};
export type LinkStatusDto = {
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  stageLabel: string;
  nextStep: string;
};
export type LinkViewDto = {
  purpose: "debrief" | "offer" | "status" | "timesheet";
  organizerName: string;
  programName: string;
  /** The program's time zone, in which the page shows times */
  timezone: string;
  period?: LinkPeriodDto;
  /** The debrief's or the offer's deadline */
  dueAt?: string;
  expiresAt: string;
  offer?: LinkOfferDto;
  status?: LinkStatusDto;
  form: LinkFormDto;
};
export type NotificationDto = {
  id: string;
  organizerId: string;
  programId: string;
  kind: "stage_stalled" | "stage_stalled_escalated" | "offer_expiring" | "debrief_overdue" | "debrief_escalated" | "organizer_at_risk" | "group_debrief_missing" | "ride_alongs_behind" | "debrief_due_soon" | "timesheet_missing" | "pay_approval_waiting";
  recipientRole: "organizer" | "coordinator" | "national";
  summary: string;
  /** The rule that raised it, in words, from the program's policy (on a person's record) */
  rule?: string;
  createdAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
};
export type NotificationListDto = {
  items: NotificationDto[];
  total: number;
};
export type OfferDto = {
  hoursPerWeek: number;
  startDate: string;
  /** Stipend per month */
  stipend?: number;
};
export type OfferSummaryDto = {
  hoursPerWeek: number;
  startDate: string;
  stipend?: number;
  expiresAt: string;
};
export type OptionalReasonDto = {
  reason?: string;
};
export type OrganizerDetailDto = {
  id: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  stageEnteredAt: string;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  /** Grows with every change the workflow makes */
  version: number;
  phone: string | null;
  local: string | null;
  appliedAt: string;
  hiredAt: string | null;
  activeSince: string | null;
  endsAt: string | null;
  /** When the next debrief is due (active, not paused) */
  nextDebriefDueAt?: string;
  flags: string[];
  /** Why the application was ineligible */
  ineligibleReasons: string[];
  screening: ScreeningSummaryDto | null;
  offer: OfferSummaryDto | null;
  /** The role-play scored against the program rubric */
  rolePlay: RolePlayDto | null;
  /** The program's time zone, to show every due time in */
  timezone: string;
  rideAlongCount: number;
  totals: TotalsDto;
  /** Debrief periods started and not yet reported */
  pendingDebriefPeriods: PendingDebriefPeriodDto[];
  history: TransitionDto[];
  /** Newest first, at most 104 */
  debriefs: DebriefDto[];
  /** Each period's plan, newest first, at most 104 */
  workPlans: WorkPlanDto[];
  /** The program's pay policy (null: it pays nothing) */
  pay: PayPolicyDto | null;
  /** Pay periods, newest first, at most 104 */
  payPeriods: PayPeriodDto[];
  trainings: TrainingDto[];
  rideAlongs: RideAlongDto[];
  /** Newest first, at most 100 */
  notifications: NotificationDto[];
  /** The actions the caller may take on this organizer now (their role, the stage, the paused flag) */
  allowedActions: ("schedule-screening" | "record-screening" | "record-role-play" | "respond-offer" | "record-training" | "record-ride-along" | "submit-debrief" | "record-group-debrief" | "set-work-plan" | "submit-timesheet" | "approve-pay-period" | "pause" | "resume" | "reject" | "withdraw" | "terminate")[];
};
export type OrganizerDto = {
  id: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  stageEnteredAt: string;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  /** Grows with every change the workflow makes */
  version: number;
};
export type OrganizerListDto = {
  items: OrganizerDto[];
  total: number;
};
export type PayPeriodDto = {
  organizerId: string;
  name?: string;
  local?: string | null;
  periodStart: string;
  periodEnd: string;
  status: "open" | "submitted" | "payable" | "vouchered" | "reimbursed";
  /** Starts of the debrief periods it needs */
  debriefStarts: string[];
  timesheet?: TimesheetDto;
  /** On the time sheet (once approved) */
  hours?: number;
  /** Paid, after the caps */
  paidHours?: number;
  rateMinor?: number;
  amountMinor?: number;
  /** Mileage and allowances */
  allowancesMinor?: number;
  currency: string;
  approvedBy?: string;
  approvedAt?: string;
  voucherId?: string;
};
export type PayPeriodListDto = {
  items: PayPeriodDto[];
};
export type PayPolicyDto = {
  /** hourly stipend, fixed stipend per pay period, or lost time reimbursed */
  model: "hourly" | "fixed" | "lost_time";
  /** Per hour (per pay period when fixed), in minor units */
  rateMinor: number;
  /** ISO 4217, a two-decimal currency */
  currency: string;
  periodEvery: 1 | 2 | 4 | "month";
  capHoursPerWeek?: number;
  capHoursPerMonth?: number;
  /** Months whose hours are paid */
  months?: number[];
  /** Per mile, in minor units */
  mileageRateMinor?: number;
  allowances?: AllowanceDto[];
  workKinds: string[];
  reimbursedBy: "national" | "grant" | "local";
  approveWithin?: string;
  settleWithin?: string;
};
export type PendingDebriefPeriodDto = {
  start: string;
  end: string;
  overdueAt: string;
  overdue: boolean;
};
export type PersonResultDto = {
  organizerId: string;
  /** Whether their part was done */
  ok: boolean;
  /** Their stage after (or as it stands when refused; '' unknown) */
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible" | "";
  /** Why it was refused, in words */
  message?: string;
};
export type PipelineDto = {
  /** First day of the activity window */
  from: string;
  /** Last day of the activity window (included) */
  to: string;
  programs: ProgramPipelineDto[];
  totals: PipelineTotalsDto;
};
export type PipelineTotalsDto = {
  /** Every stage, zeros included */
  stages: Record<string, number>;
  applications: number;
  hired: number;
  conversion: number;
  overdueDebriefs: number;
  atRisk: number;
  groupDebriefsMissing: number;
  activity: ActivityDto;
};
export type PlanLineDto = {
  target: string;
  planned: number;
  reported: number;
};
export type PolicyDto = {
  hoursPerWeek: number;
  requiredAttestations: ("currentMember" | "driversLicense" | "insuredVehicle" | "fullTerm" | "doorKnocking")[];
  stageSla: StageSlaPolicyDto;
  offerExpiresAfter: string;
  requiredTrainings: string[];
  initialRideAlongs: number;
  requiredRideAlongs: number;
  rideAlongWindow: string;
  debriefEvery: string;
  debriefGrace: string;
  escalateAfter: string;
  atRiskAfterMissed: number;
  groupDebriefEvery: string;
  termLength: string;
  debriefDue?: DebriefDuePolicyDto;
  debriefNudgeBefore?: string;
  rolePlayRubric?: string[];
  debriefMetrics?: string[];
  applicationsOpen?: ApplicationsOpenPolicyDto;
  linkExpiresAfter?: string;
  pay?: PayPolicyDto;
};
export type PolicyPatchDto = {
  hoursPerWeek?: number;
  requiredAttestations?: ("currentMember" | "driversLicense" | "insuredVehicle" | "fullTerm" | "doorKnocking")[];
  stageSla?: StageSlaDto;
  offerExpiresAfter?: string;
  requiredTrainings?: string[];
  initialRideAlongs?: number;
  requiredRideAlongs?: number;
  rideAlongWindow?: string;
  debriefEvery?: string;
  debriefGrace?: string;
  escalateAfter?: string;
  atRiskAfterMissed?: number;
  groupDebriefEvery?: string;
  termLength?: string;
  /** When a debrief is due on the program calendar */
  debriefDue?: DebriefDueDto;
  /** A friendly reminder this long before the due time */
  debriefNudgeBefore?: string;
  rolePlayRubric?: string[];
  /** Counts a debrief reports beyond the standard ones */
  debriefMetrics?: string[];
  /** The public interest form's window */
  applicationsOpen?: ApplicationsOpenDto;
  /** How long a link sent by email stays good */
  linkExpiresAfter?: string;
  /** How organizers are paid; null: the program pays nothing */
  pay?: PayPolicyDto | null;
};
export type PresetDto = {
  kind: "member_organizer" | "political_organizer" | "civic_engagement";
  /** The whole policy a new program of this kind gets */
  policy: Record<string, unknown>;
};
export type PresetsDto = {
  items: PresetDto[];
};
export type ProgramDto = {
  id: string;
  name: string;
  affiliate: string;
  kind: "member_organizer" | "political_organizer" | "civic_engagement";
  timezone: string;
  termStart: string;
  termEnd: string | null;
  goals: GoalDto[];
  policy: PolicyDto;
  nationalContactEmail: string | null;
};
export type ProgramListDto = {
  items: ProgramDto[];
  total: number;
};
export type ProgramPipelineDto = {
  programId: string;
  name: string;
  affiliate: string;
  /** Every stage, zeros included */
  stages: Record<string, number>;
  /** Organizers in the program (every application) */
  applications: number;
  /** Organizers who ever reached training */
  hired: number;
  /** hired ÷ applications (0 without applications) */
  conversion: number;
  /** Debriefs overdue and not yet submitted */
  overdueDebriefs: number;
  atRisk: number;
  /** Per open stage: median days its current organizers have been in it (null when none is); recomputed at most once a minute */
  medianDaysInStage: Record<string, number | null>;
  rideAlongs: RideAlongComplianceDto;
  /** Group-debrief periods that ended in the window without an in-person group debrief */
  groupDebriefsMissing: number;
  /** Debriefs whose period ended in the window */
  activity: ActivityDto;
};
export type PublicAttestationDto = {
  name: string;
  /** The question, in the program’s words */
  label: string;
  /** The program requires a yes */
  required: boolean;
};
export type PublicProgramDto = {
  name: string;
  affiliate: string;
  /** Whether the form takes applications now */
  open: boolean;
  opensAt?: string;
  closesAt?: string;
  /** Hours a week the program asks for */
  hoursPerWeek: number;
  attestations: PublicAttestationDto[];
};
export type ReasonDto = {
  reason: string;
};
export type RecordGroupDebriefDto = {
  /** When the in-person group debrief was held (not in the future) */
  heldAt: string;
  location?: string;
};
export type RecordRideAlongDto = {
  date: string;
  staff: string;
  notes?: string;
};
export type RecordRolePlayDto = {
  scores: Record<string, number>;
  decision: "offer" | "reject";
  /** Required when decision is offer */
  offer?: OfferDto;
  notes?: string;
};
export type RecordScreeningDto = {
  /** false: a no-show (back to applied once) */
  attended: boolean;
  /** Whether the applicant goes on to the role-play */
  advance: boolean;
  notes?: string;
};
export type RecordScreeningResultsDto = {
  results: ScreeningResultDto[];
};
export type RecordTrainingDto = {
  /** One of the program policy's requiredTrainings */
  training: string;
  completedAt: string;
};
export type RecordedResultDto = {
  organizerId: string;
  /** Whether their part was done */
  ok: boolean;
  /** Their stage after (or as it stands when refused; '' unknown) */
  stage: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible" | "";
  /** Why it was refused, in words */
  message?: string;
  attended: boolean;
  advance: boolean;
};
export type ReportTotalsDto = {
  debriefs: number;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
};
export type ReportedDebriefDto = {
  organizerId: string;
  name: string;
  periodStart: string;
  /** The period's work plan against what was reported */
  plan?: PlanLineDto[];
};
export type RespondOfferDto = {
  accepted: boolean;
};
export type ReturnVoucherDto = {
  reason: string;
};
export type RideAlongComplianceDto = {
  /** Organizers in stage active */
  active: number;
  /** Of those, how many have the ride-alongs the policy requires */
  meetingRequirement: number;
  /** Hired and open: the required ride-alongs done within the rolling window */
  meeting: number;
  /** Hired and open: fewer ride-alongs so far than an even pace to the requirement */
  behind: number;
  /** Hired and open: at the pace so far, the requirement is not reached before the window closes */
  forecastMissing: number;
};
export type RideAlongDto = {
  date: string;
  staff: string;
  notes?: string;
  recordedBy: string;
};
export type RolePlayDto = {
  scores: Record<string, number>;
  decision: "offer" | "reject";
  /** The user who scored it */
  scoredBy?: string;
  scoredAt?: string;
};
export type RosterImportDto = {
  accepted: number;
  rejected: RosterRejectionDto[];
};
export type RosterRejectionDto = {
  /** 1-based line number in the CSV */
  line: number;
  reason: string;
};
export type ScheduleScreeningDto = {
  /** When the screening takes place */
  at: string;
  location: string;
};
export type ScreeningResultDto = {
  organizerId: string;
  /** Came to the screening */
  attended: boolean;
  /** Goes on to the role-play */
  advance: boolean;
  notes?: string;
};
export type ScreeningSummaryDto = {
  at: string;
  location: string;
};
export type SendLinkDto = {
  /** What the link is for; a fresh one supersedes the open one of its purpose */
  purpose: "debrief" | "offer" | "status" | "timesheet";
};
export type SessionMemberDto = {
  organizerId: string;
  name: string;
  /** What their part of the session answered */
  outcome: PersonResultDto | null;
  /** A screening's recorded result for them */
  result: RecordedResultDto | null;
};
export type SessionResultsDto = {
  results: PersonResultDto[];
};
export type SetWorkPlanDto = {
  /** The debrief period planned (from pendingDebriefPeriods); default: the one running now */
  periodStart?: string;
  /** Targets for hours, conversations, oneOnOnes, leadersIdentified or the program's own counts */
  targets: Record<string, number>;
  notes?: string;
};
export type StageDto = {
  name: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  label: string;
  /** false: a closed stage, final */
  open: boolean;
};
export type StageSlaDto = {
  applied?: string;
  screening?: string;
  role_play?: string;
  training?: string;
  ride_along?: string;
};
export type StageSlaPolicyDto = {
  applied: string;
  screening: string;
  role_play: string;
  training?: string;
  ride_along?: string;
};
export type StagesDto = {
  /** Every stage, in the order of the pipeline (open stages first) */
  items: StageDto[];
  /** Every action, as POST /api/organizers/:id/<action> */
  actions: ("schedule-screening" | "record-screening" | "record-role-play" | "respond-offer" | "record-training" | "record-ride-along" | "submit-debrief" | "record-group-debrief" | "set-work-plan" | "submit-timesheet" | "approve-pay-period" | "pause" | "resume" | "reject" | "withdraw" | "terminate")[];
  /** Every action with its name in words (the buttons people press) */
  actionLabels: ActionDto[];
  /** What applicants attest to, in words */
  attestations: AttestationDto[];
  /** What a goal can count (besides a program's own debrief counts) */
  goalMetrics: AttestationDto[];
  /** Whose progress a goal measures */
  goalScopes: AttestationDto[];
};
export type SubmitDebriefDto = {
  /** The debrief period reported on (from pendingDebriefPeriods); default: the one due now */
  periodStart?: string;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
  /** Held in person */
  inPerson: boolean;
  /** Held as a group debrief */
  group: boolean;
  notes?: string;
  /** The program's own counts (policy.debriefMetrics), by name */
  metrics?: Record<string, number>;
};
export type SubmitTimesheetDto = {
  /** The pay period (from payPeriods on the organizer detail) */
  periodStart: string;
  entries: TimesheetEntryDto[];
  /** Miles driven, to a tenth */
  miles?: number;
  /** Allowances claimed (the program's pay.allowances), in whole minor units (cents) */
  allowances?: Record<string, number>;
};
export type TimesheetDto = {
  entries: TimesheetEntryViewDto[];
  miles?: number;
  allowances?: Record<string, number>;
  submittedAt: string;
  submittedBy: string;
};
export type TimesheetEntryDto = {
  /** The local day worked, inside the pay period */
  date: string;
  hours: number;
  /** One of the program's pay.workKinds */
  kind: string;
};
export type TimesheetEntryViewDto = {
  date: string;
  hours: number;
  kind: string;
};
export type TotalsDto = {
  debriefs: number;
  lateDebriefs: number;
  missedPeriods: number;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
  groupDebriefs: number;
};
export type TrainingDto = {
  training: string;
  completedAt: string;
  recordedBy: string;
};
export type TransitionDto = {
  seq: number;
  from: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible" | null;
  to: "applied" | "screening" | "role_play" | "offered" | "training" | "ride_along" | "active" | "completed" | "withdrawn" | "terminated" | "not_selected" | "declined" | "ineligible";
  at: string;
  /** The user who acted, or system */
  actor: string;
  /** The acting user's name */
  actorName?: string;
  reason?: string;
};
export type UpdateProgramDto = {
  /** Merged over the current policy; reaches running organizers from their next period */
  policy?: PolicyPatchDto;
  /** Up to 50 typed goals; the old object form ({ "oneOnOnesPerWeek": 3 }) is still accepted and converted (names the product knows become goals, others notes) */
  goals?: GoalInputDto[];
  /** null removes it */
  nationalContactEmail?: string | null;
  /** null removes the fixed term end */
  termEnd?: string | null;
};
export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "national" | "coordinator" | "organizer";
  programIds: string[];
  organizerId: string | null;
  revokedAt: string | null;
};
export type UserListDto = {
  items: UserDto[];
};
export type VoucherDto = {
  id: string;
  programId: string;
  local: string | null;
  through: string;
  status: "draft" | "submitted" | "approved" | "returned";
  currency: string;
  /** Who it goes to: national, grant or local */
  reimbursedBy: string;
  lines: VoucherLineDto[];
  /** Amounts and allowances of every line, in minor units */
  totalMinor: number;
  createdBy: string;
  createdAt: string;
  submittedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  returnReason?: string;
};
export type VoucherLineDto = {
  organizerId: string;
  name: string;
  local: string | null;
  periodStart: string;
  periodEnd: string;
  /** Hours paid */
  hours: number;
  rateMinor: number;
  amountMinor: number;
  /** Mileage and allowances */
  allowancesMinor: number;
};
export type VoucherListDto = {
  items: VoucherDto[];
};
export type WeeklyReportDto = {
  /** Monday 00:00 in the program time zone */
  weekStart: string;
  weekEnd: string;
  /** Debriefs for periods that ended in the week */
  submitted: ReportedDebriefDto[];
  /** Periods that ended in the week without a debrief when the report ran */
  missing: ReportedDebriefDto[];
  totals: ReportTotalsDto;
  /** Each goal's progress when the report ran */
  goals: GoalProgressDto[];
  createdAt: string;
};
export type WeeklyReportListDto = {
  items: WeeklyReportDto[];
  total: number;
};
export type WorkPlanDto = {
  periodStart: string;
  targets: Record<string, number>;
  /** The worksites or people to reach */
  notes?: string;
  setBy: string;
  setAt: string;
};
