// The English catalog: every sentence people read about a rule, a reminder, an action or a form, by what it is about
// (a reminder's kind, then its field). Rendered by src/words through i18next: `{{name}}` a value, `{{at, when}}` an
// instant in the program's time zone, `{{at, day}}` its local day (`shortDay`: as `Mar 2, 2027`), `_one`/`_other` a
// count's plural forms.
export const en = {
  stage: {
    applied: 'Applied',
    screening: 'Screening',
    role_play: 'Role-play',
    offered: 'Offered',
    training: 'Training',
    ride_along: 'Ride-along',
    active: 'Active',
    completed: 'Completed',
    withdrawn: 'Withdrawn',
    terminated: 'Terminated',
    not_selected: 'Not selected',
    declined: 'Declined',
    ineligible: 'Ineligible',
  },
  /** Why an application is not eligible, as the applicant is told (their status email and page, and the panel). */
  eligibility: {
    currentMember: 'You said you are not a member in good standing.',
    driversLicense: 'You said you do not have a driver’s license.',
    insuredVehicle: 'You said you do not have an insured vehicle.',
    fullTerm: 'You said you cannot serve the full term.',
    doorKnocking: 'You said you will not knock on doors.',
    hours: 'You can give {{hours}} hours a week; the program asks for {{asked}}.',
    notOnRoster: 'Your member number is not on the program’s member roster.',
    rosterStatus: 'The program’s roster lists your membership as {{status}}, not active.',
  },
  /** The next step of an application in each stage, as its status page tells the applicant. */
  applicantNext: {
    applied: 'A coordinator will review your application and invite you to a screening.',
    ineligible: 'Your application does not meet the program’s requirements; a coordinator can tell you more.',
    screening: 'Come to your screening; a coordinator will tell you what comes next.',
    role_play: 'Your next step is a short role-play with a coordinator.',
    offered: 'You have an offer: answer it from the link in your email before it lapses.',
    training: 'You accepted the offer: your trainings come next.',
    ride_along: 'Your ride-alongs with staff come next.',
    active: 'You are an organizer: submit a debrief each period.',
    not_selected: 'Your application did not go further this time.',
    declined: 'You declined the offer.',
    withdrawn: 'This application was withdrawn.',
    terminated: 'Your term ended early.',
    completed: 'Your term is complete. Thank you!',
  },
  link: {
    /** What a link is for, as a coordinator's list of links names it. */
    purpose: {
      debrief: 'Submit a debrief',
      offer: 'Answer the offer',
      status: 'See the application',
      timesheet: 'Submit a time sheet',
      rsvp: 'Answer the screening invitation',
    },
    /** The button of an email that carries a link, in the words of the member it is sent to. */
    button: {
      debrief: 'Submit your debrief',
      offer: 'Answer the offer',
      status: 'See your application',
      timesheet: 'Submit your time sheet',
      rsvp: 'Say whether you can come',
    },
    /** Why a link no longer works, as the page a member lands on says it. */
    ending: {
      expired: 'This link has expired.',
      used: 'This link was already used: what you sent was recorded.',
      revoked: 'This link was cancelled by your coordinator.',
      superseded: 'A newer link was sent for this; please use the latest email.',
      done: 'There is nothing left to do with this link.',
    },
    /** Why a fresh link cannot be sent now. */
    nothing: {
      debrief: 'no debrief is owed now: the organizer is not active or every period is reported',
      offer: 'no offer is waiting for an answer',
      status: 'the member was erased',
      timesheet: 'no pay period waits for a time sheet',
      rsvp: 'no screening ahead waits for an answer',
    },
    alone: 'This link is for you alone and works until {{until, when}}.',
    staffPage: "Open {{name}}'s page",
  },
  /** A debrief as the program's cadence names it. */
  debrief: {
    daily: 'daily debrief',
    weekly: 'weekly debrief',
    monthly: 'monthly debrief',
    plain: 'debrief',
  },
  /**
   * Each kind of reminder: its email's subject, the sentence saying what happened, and what comes next. The workflow
   * stores a summary's key and values: rename one or change its values only with the stored ones in mind
   * (test/unit/words.test.ts keeps them).
   */
  reminder: {
    /** What an erased member's reminders say after their kind. */
    erased: '(erased member)',
    stage_stalled: {
      subject: 'An applicant is waiting on you',
      summary: '{{name}} has been in {{stage}} since {{since, when}}',
      next: 'If it waits twice the limit, national staff are told.',
    },
    stage_stalled_escalated: {
      subject: 'An applicant has been waiting too long',
      summary: '{{name}} is still in {{stage}} since {{since, when}}',
    },
    offer_expiring: {
      subject: 'Your offer expires soon',
      summary: 'the offer to {{name}} lapses on {{expires, when}}',
      next: 'If you do not answer by {{expires, when}}, the offer lapses.',
    },
    debrief_due_soon: {
      subject: 'Your {{debrief}} is due soon',
      summary: 'your debrief for the period from {{start, when}} is due {{end, when}}',
      next: 'If it is not in by {{overdue, when}}, it is overdue.',
      nextTold: 'If it is not in by {{overdue, when}}, it is overdue, and your coordinator is told on {{told, when}}.',
    },
    debrief_overdue: {
      subject: 'Your {{debrief}} is overdue',
      summary: 'your debrief for the period from {{start, when}} is overdue (it was due {{end, when}})',
      next: 'If it is still missing on {{told, when}}, your coordinator is told.',
    },
    debrief_escalated: {
      subject: 'A debrief is still missing',
      summary: "{{name}}'s debrief for the period from {{start, when}} is still missing",
      next_one:
        'After {{count}} missed debrief, {{name}} is at risk and national staff are told. You can send them a fresh link from their page.',
      next_other:
        'After {{count}} missed debriefs in a row, {{name}} is at risk and national staff are told. You can send them a fresh link from their page.',
    },
    organizer_at_risk: {
      subject: 'An organizer is at risk',
      summary_one: '{{name}} has missed {{count}} debrief',
      summary_other: '{{name}} has missed {{count}} debriefs in a row',
    },
    group_debrief_missing: {
      subject: 'No in-person group debrief this period',
      summary: 'no in-person group debrief with {{name}} between {{start, when}} and {{end, when}}',
    },
    ride_alongs_behind: {
      subject: 'Ride-alongs are behind',
      summary: '{{name}} has {{done}} of {{required}} ride-alongs at half of the window',
      pace: "at {{name}}'s pace so far, {{projected}} of {{required}} ride-alongs will be done by {{by, when}}",
    },
    timesheet_missing: {
      subject: 'Your time sheet is missing',
      summary: 'your time sheet for the pay period from {{start, when}} to {{end, when}} is missing',
      next: 'Until it is in, your coordinator cannot approve pay for this period.',
    },
    screening_invitation: {
      subject: 'Your screening on {{at, when}}',
      staffSubject: "{{name}}'s screening on {{at, when}}",
      summary: 'invitation to the screening on {{at, when}} at {{location}}',
    },
    screening_reminder: {
      subject: 'Tomorrow: your screening at {{at, when}}',
      summary: 'reminder of the screening on {{at, when}} at {{location}}',
    },
    screening_cancelled: {
      subject: 'Cancelled: your screening on {{at, when}}',
      staffSubject: "Cancelled: {{name}}'s screening on {{at, when}}",
      summary: 'the screening on {{at, when}} is cancelled',
    },
    screening_cant_come: {
      subject: 'An applicant cannot come to their screening',
      summary: '{{name}} cannot come to the screening on {{at, when}}',
      summaryWithNote: '{{name}} cannot come to the screening on {{at, when}}: "{{note}}"',
    },
    pay_approval_waiting: {
      subject: 'A pay period waits for your approval',
      summary: "{{name}}'s pay period from {{start, when}} has its time sheet and debriefs and waits for approval",
    },
  },
  /** The program's rules, from its policy: why each reminder and each to-do exists. */
  rule: {
    screening: 'A screening is recorded (attended, advance or not) once it has been held',
    offer: 'An offer lapses {{after}} after it is made unless the applicant answers',
    debrief:
      'A debrief for each period is {{due}}; overdue {{grace}} after, escalated to the coordinator {{escalate}} after that',
    debriefDueWeekday: 'due {{weekday}} at {{time}} ({{zone}})',
    debriefDueMonthDay: 'due on day {{day}} of each month at {{time}} ({{zone}})',
    debriefDueEvery: 'due every {{every}}',
    at_risk_one: 'An organizer who misses a debrief is at risk until none is overdue',
    at_risk_other: 'An organizer who misses {{count}} debriefs in a row is at risk until none is overdue',
    group_debrief: 'Each organizer attends at least one in-person group debrief every {{every}}',
    ride_alongs_one: '{{count}} ride-along within {{window}} of hire',
    ride_alongs_other: '{{count}} ride-alongs within {{window}} of hire',
    timesheet:
      "A time sheet for each pay period ({{payPeriod}}) is due {{grace}} after the period ends; pay needs it and the period's debriefs",
    payPeriodMonth: 'each calendar month',
    payPeriod_one: 'each debrief period',
    payPeriod_other: 'every {{count}} debrief periods',
    pay_approval: 'A pay period with its time sheet and debriefs in is approved by the coordinator within {{within}}',
    stage_limit: 'The {{stage}} stage should take at most {{limit}}',
    stage_limitAny: 'A stage has a time limit',
  },
  weekdays: {
    monday: 'Mondays',
    tuesday: 'Tuesdays',
    wednesday: 'Wednesdays',
    thursday: 'Thursdays',
    friday: 'Fridays',
    saturday: 'Saturdays',
    sunday: 'Sundays',
  },
  /** Who did something. */
  actor: {
    person: '{{name}}, {{role}}',
    system: 'the system',
    'public-form': 'the public form',
    'bootstrap-admin': 'the administrator (ADMIN_TOKEN)',
    unknown: 'someone no longer in the product',
  },
  role: {
    admin: 'administrator',
    national: 'national staff',
    coordinator: 'coordinator',
    organizer: 'organizer',
  },
  /** What an applicant attests to on the public form. */
  attestation: {
    currentMember: 'A member in good standing',
    driversLicense: "Has a driver's license",
    insuredVehicle: 'Has an insured vehicle',
    fullTerm: 'Can serve the full term',
    doorKnocking: 'Will knock on doors',
    currentLeader: 'A current steward or officer',
  },
  goalScope: {
    program: 'the program, in all',
    organizer_week: 'each organizer, per week',
    local: 'each local',
  },
  goalMetric: {
    hires: 'hires',
    debriefs: 'debriefs',
    hours: 'hours',
    conversations: 'conversations',
    one_on_ones: 'one-on-ones',
    leaders_identified: 'leaders identified',
  },
  /** Today's kinds of to-do. */
  today: {
    screening_to_record: 'Screening to record',
    offer_expiring: 'Offer waiting for an answer',
    debrief_overdue: 'Debrief overdue',
    debrief_due: 'Debrief due',
    organizer_at_risk: 'At risk',
    group_debrief_missing: 'No group debrief this period',
    ride_alongs_behind: 'Ride-alongs behind',
    stage_stalled: 'Stuck in a stage',
    screening_cant_come: 'Cannot come to the screening',
  },
  /** How a person answered a screening's invitation, as the session's page lists them. */
  screeningAnswer: {
    coming: 'Coming',
    not_coming: 'Not coming',
    no_answer: 'No answer yet',
  },
  /** Each action: its button, and where it leads (its route's summary). */
  action: {
    'schedule-screening': { label: 'Schedule screening', outcome: 'applied → screening' },
    'reschedule-screening': {
      label: 'Reschedule screening',
      outcome: 'screening: a new time and place; its time limit counts from the new time',
    },
    'record-screening': {
      label: 'Record screening',
      outcome: 'screening → role_play, not_selected, or applied (no-show)',
    },
    'record-role-play': { label: 'Record role-play', outcome: 'role_play → offered or not_selected' },
    'respond-offer': { label: 'Respond to offer', outcome: 'offered → training or declined' },
    'respond-screening': {
      label: 'Answer the invitation',
      outcome: 'screening: whether the applicant will come (until the screening starts)',
    },
    'record-training': { label: 'Record training', outcome: 'training (→ ride_along when all are done)' },
    'record-ride-along': {
      label: 'Record ride-along',
      outcome: 'ride_along (→ active after the initial ones), active',
    },
    'submit-debrief': { label: 'Submit debrief', outcome: 'active' },
    'record-group-debrief': {
      label: 'Record group debrief',
      outcome: 'active: meets the group-debrief rule of the period it was held in',
    },
    'set-work-plan': { label: 'Set work plan', outcome: 'active: the plan of a debrief period not yet reported' },
    'submit-timesheet': {
      label: 'Submit time sheet',
      outcome: 'active, or closed with a pay period open: a pay period not yet approved',
    },
    'approve-pay-period': {
      label: 'Approve pay period',
      outcome: 'active, or closed with a pay period open: once it is over, with all it needs',
    },
    pause: { label: 'Pause', outcome: 'active: no debrief falls due until resumed' },
    resume: { label: 'Resume', outcome: 'active: the debrief clock starts again' },
    reject: { label: 'Reject', outcome: 'applied, screening, role_play → not_selected' },
    withdraw: { label: 'Withdraw', outcome: 'any open stage → withdrawn' },
    terminate: { label: 'Terminate', outcome: 'training, ride_along, active → terminated' },
    'revert-step': {
      label: 'Undo last step',
      outcome:
        'back to the stage before the last screening result, role-play decision, offer answer, training or ride-along recorded',
    },
    reopen: {
      label: 'Reopen',
      outcome: 'ineligible (checked again), not_selected, declined → applied; withdrawn → the stage it left',
    },
  },
  /** The fields of the forms people fill. */
  field: {
    yes: 'Yes',
    no: 'No',
    when: 'When',
    where: 'Where',
    notes: 'Notes',
    coming: 'Will you be there?',
    comingYes: "I'll be there",
    comingNo: "I can't come",
    note: 'A note (optional)',
    reason: 'Reason',
    attestations: 'The applicant’s answers',
    attended: 'Came to the screening',
    advance: 'Goes on to the role-play',
    scores: 'Scores, 1 (weak) to 5 (strong)',
    score: '{{criterion}}, 1 (weak) to 5 (strong)',
    decision: 'Decision',
    decisionOffer: 'Make an offer',
    decisionReject: 'Not selected',
    offer: 'The offer',
    hoursPerWeek: 'Hours a week',
    startDate: 'Start date',
    stipend: 'Stipend a month',
    stipendIn: 'Stipend a month, in {{currency}}',
    accepted: 'The answer to the offer',
    accept: 'Accept the offer',
    decline: 'Decline the offer',
    training: 'Training',
    completedOn: 'Completed on',
    date: 'Date',
    withStaff: 'With (staff)',
    period: 'Period',
    periodChoice: '{{start, shortDay}} to {{last, shortDay}}',
    periodChoiceNoted: '{{start, shortDay}} to {{last, shortDay}} ({{note}})',
    overdue: 'overdue',
    hoursWorked: 'Hours worked',
    conversations: 'Conversations',
    oneOnOnes: 'One-on-ones',
    leadersIdentified: 'Leaders identified',
    inPerson: 'Did you meet in person?',
    group: 'Was it a group debrief?',
    metrics: "The program's own counts",
    /** A count or an allowance the program names itself. */
    named: '{{name}}',
    held: 'Held',
    targets: 'Targets',
    target: 'Target: {{what}}',
    payPeriod: 'Pay period',
    entries: 'Hours, by day and kind of work',
    day: 'Day',
    dayNumbered: 'Day {{n}}',
    hours: 'Hours',
    kindOfWork: 'Kind of work',
    onDay: '{{what}}, day {{n}}',
    miles: 'Miles driven',
    allowances: 'Allowances',
    allowanceIn: '{{name}} allowance, in {{currency}}',
    timesheetIn: 'time sheet in',
    noTimesheetYet: 'no time sheet yet',
    hoursCompared: 'time sheet {{sheet}} h, debriefs {{debriefs}} h',
    hoursComparedNoDebrief: 'time sheet {{sheet}} h, no debrief in',
  },
  offer: {
    terms: '{{hours}} hours a week from {{start}}',
    termsWithStipend: '{{hours}} hours a week from {{start}}, with a stipend of {{stipend}}',
    stipend: '{{money}} a month',
  },
  /** The parts of an email. */
  mail: {
    hello: 'Hello {{name}},',
    why: 'Why: {{rule}}',
    next: 'Next: {{step}}',
    period: 'Period: {{start, when}} to {{end, when}}.',
    payPeriod: 'Pay period: {{start, when}} to {{end, when}}.',
    deadline: 'Deadline: {{at, when}}.',
    offerTerms: 'The offer: {{terms}}.',
    offerDeadline: 'Deadline: {{at, when}}; unanswered, the offer lapses.',
    received: 'We received your application ({{program}})',
    yourApplication: 'Your application ({{program}})',
    thanks: 'Thank you for applying to {{program}}. We have your application.',
    standing: 'Where it stands: {{stage}}. {{next}}',
    yourDebrief: 'Your debrief ({{program}})',
    yourTimesheet: 'Your time sheet ({{program}})',
    yourOffer: 'Your offer ({{program}})',
    screeningInvited: 'You are invited to a screening for {{program}} on {{at, when}}.',
    screeningInvitedStaff: '{{name}} is invited to a screening on {{at, when}}.',
    screeningReminder: 'A reminder: your screening for {{program}} is tomorrow, {{at, when}}.',
    screeningCancelled: 'Your screening for {{program}} on {{at, when}} is cancelled.',
    screeningCancelledStaff: "{{name}}'s screening on {{at, when}} is cancelled.",
    screeningWhere: 'Where: {{location}}',
    screeningBring: 'What to expect and bring: {{notes}}',
    screeningCalendar: 'The invitation is attached: open it to add the screening to your calendar.',
    screeningAnswer: 'Please tell us whether you can come; you can change your answer until the screening starts.',
    screeningAnswered_yes: 'You said you will be there.',
    screeningAnswered_no: 'You said you cannot come.',
    screeningEvent: 'Screening: {{program}}',
    screeningEventFor: 'Screening: {{name}} ({{program}})',
    sessionSubject: 'Group screening on {{at, when}} ({{program}})',
    sessionInvited_one: 'A group screening for {{program}} on {{at, when}}, with {{count}} applicant invited.',
    sessionInvited_other: 'A group screening for {{program}} on {{at, when}}, with {{count}} applicants invited.',
    sessionEvent: 'Group screening: {{program}}',
    sessionPage: 'See who is coming',
  },
  publicForm: {
    received: 'Thank you. If your application can be taken, you will receive an email with a link to follow it.',
  },
  /** The email that invites a new user. */
  invitation: {
    subject: 'Your account in Organizer Pipeline',
    body_one: 'You have an account in Organizer Pipeline. Open this link to sign in; it works once, within a day.',
    body_other:
      'You have an account in Organizer Pipeline. Open this link to sign in; it works once, within {{count}} days.',
    later: 'Later, sign in from the page with your email address: it sends you a new link each time.',
  },
  /** A signed-in browser, as the sessions list names it. */
  device: {
    named: '{{browser}} on {{system}}',
    unknown: 'Unknown browser',
  },
  /** The email that signs a user in. */
  signIn: {
    subject: 'Sign in to Organizer Pipeline',
    requested:
      'If this address has an account, a sign-in link is on its way to it. It works once, for {{minutes}} minutes.',
    linkEnded: 'This sign-in link was already used or has expired. Ask for a new one.',
    body_one: 'Open this link to sign in. It works once, within the next minute.',
    body_other: 'Open this link to sign in. It works once, within the next {{count}} minutes.',
    button: 'Sign in',
    notYou: 'If you did not ask to sign in, ignore this email: no one can sign in without the link.',
  },
  /** Why single sign-on did not sign someone in (`?signInFailed=` on the page), by reason. */
  singleSignOnFailed: {
    ended: 'That sign-in took too long or was already used. Try again.',
    refused: '{{provider}} did not sign you in. Try again.',
    unavailable: '{{provider}} could not be reached. Try again shortly, or sign in by email.',
    'no-email': '{{provider}} did not tell us your email address. Sign in by email instead.',
    unverified: '{{provider}} has not verified your email address, so it cannot sign you in here. Sign in by email.',
    'no-account': 'No one here has the address you use at {{provider}}. Ask an administrator to invite you.',
    'other-account': 'Your account here is linked to another {{provider}} account. Sign in with that one, or by email.',
  },
  /** The weekly report to national. */
  report: {
    subject: 'Weekly report: {{program}}',
    heading: '{{program}} ({{affiliate}}), week of {{week, day}} ({{zone}})',
    debriefs: 'Debriefs submitted: {{debriefs}}; missing: {{missing}}',
    totals:
      'Hours {{hours}}, conversations {{conversations}}, one-on-ones {{oneOnOnes}}, leaders identified {{leaders}}',
    missing: 'Missing: {{list}}',
    missingOne: '{{name}} (week of {{start, day}})',
    nobodyMissing: 'Nobody is missing a debrief.',
    plans: 'Plans against debriefs: {{list}}',
    plan: '{{name}}: {{targets}}',
    planTarget: '{{target}} {{reported}} of {{planned}}',
    goals: 'Goals: {{list}}',
    goalLocal: '{{goal}} ({{local}})',
    day: '{{at, day}}',
    goalPerWeek: '{{goal}}: {{actual}} of {{target}} per organizer per week; {{track}}',
    goalBy: '{{goal}}: {{actual}} of {{target}}, {{forecast}} at this pace by {{by}}; {{track}}',
    onTrack: 'on track',
    behind: 'behind by {{by}}',
  },
} as const;
