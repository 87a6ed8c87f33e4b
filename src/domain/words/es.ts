// The Spanish (es-US) catalog: every sentence of the English one (en.ts), key for key, as a member reads it in Spanish.
import type { en } from './en';

/** The catalog's shape: every key of the English one, each a sentence. */
type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

export const es: Catalog<typeof en> = {
  stage: {
    applied: 'Solicitud recibida',
    screening: 'Entrevista',
    role_play: 'Juego de roles',
    offered: 'Oferta enviada',
    training: 'Capacitación',
    ride_along: 'Acompañamiento',
    active: 'Activo',
    completed: 'Completado',
    withdrawn: 'Retirado',
    terminated: 'Dado de baja',
    not_selected: 'No seleccionado',
    declined: 'Oferta rechazada',
    ineligible: 'No elegible',
  },
  /** Why an application is not eligible, as the applicant is told (their status email and page, and the panel). */
  eligibility: {
    currentMember: 'Usted indicó que no es miembro en regla.',
    driversLicense: 'Usted indicó que no tiene licencia de conducir.',
    insuredVehicle: 'Usted indicó que no tiene un vehículo asegurado.',
    fullTerm: 'Usted indicó que no puede cumplir el período completo del programa.',
    doorKnocking: 'Usted indicó que no va a tocar puertas.',
    hours: 'Usted puede dedicar {{hours}} horas a la semana; el programa pide {{asked}}.',
    notOnRoster: 'Su número de miembro no aparece en la lista de miembros del programa.',
    rosterStatus: 'La lista de miembros del programa registra su membresía como {{status}}, no como activa.',
  },
  /** The next step of an application in each stage, as its status page tells the applicant. */
  applicantNext: {
    applied: 'Un coordinador revisará su solicitud y le enviará una invitación a una entrevista.',
    ineligible: 'Su solicitud no cumple con los requisitos del programa; un coordinador puede darle más información.',
    screening: 'Asista a su entrevista; un coordinador le dirá cuál es el siguiente paso.',
    role_play: 'Su siguiente paso es un breve juego de roles con un coordinador.',
    offered: 'Tiene una oferta: respóndala desde el enlace de su correo electrónico antes de que venza.',
    training: 'Usted aceptó la oferta: ahora siguen sus capacitaciones.',
    ride_along: 'Ahora siguen sus acompañamientos con el personal.',
    active: 'Ya forma parte del equipo organizador: envíe un informe en cada período.',
    not_selected: 'Esta vez su solicitud no siguió adelante.',
    declined: 'Usted rechazó la oferta.',
    withdrawn: 'Esta solicitud fue retirada.',
    terminated: 'Su período terminó antes de tiempo.',
    completed: 'Usted completó su período. ¡Gracias!',
  },
  link: {
    /** What a link is for, as a coordinator's list of links names it. */
    purpose: {
      debrief: 'Enviar un informe',
      offer: 'Responder a la oferta',
      status: 'Ver la solicitud',
      timesheet: 'Enviar una hoja de horas',
      rsvp: 'Responder a la invitación a la entrevista',
    },
    /** The button of an email that carries a link, in the words of the member it is sent to. */
    button: {
      debrief: 'Enviar su informe',
      offer: 'Responder a la oferta',
      status: 'Ver su solicitud',
      timesheet: 'Enviar su hoja de horas',
      rsvp: 'Díganos si puede asistir',
    },
    /** Why a link no longer works, as the page a member lands on says it. */
    ending: {
      expired: 'Este enlace ya venció.',
      used: 'Este enlace ya se usó: lo que usted envió quedó registrado.',
      revoked: 'Su coordinador canceló este enlace.',
      superseded: 'Se envió un enlace más reciente para esto; por favor, use el último correo.',
      done: 'Ya no queda nada por hacer con este enlace.',
    },
    /** Why a fresh link cannot be sent now. */
    nothing: {
      debrief:
        'no se debe ningún informe ahora: el organizador no está activo o todos los períodos ya tienen su informe',
      offer: 'no hay ninguna oferta esperando respuesta',
      status: 'los datos del miembro fueron eliminados',
      timesheet: 'ningún período de pago espera una hoja de horas',
      rsvp: 'ninguna entrevista próxima espera respuesta',
    },
    alone: 'Este enlace es solo para usted y funciona hasta el {{until, when}}.',
    staffPage: 'Abrir la página de {{name}}',
  },
  /** A debrief as the program's cadence names it. */
  debrief: {
    daily: 'informe diario',
    weekly: 'informe semanal',
    monthly: 'informe mensual',
    plain: 'informe',
  },
  /**
   * Each kind of reminder: its email's subject, the sentence saying what happened, and what comes next. The workflow
   * stores a summary's key and values: rename one or change its values only with the stored ones in mind
   * (test/unit/words.test.ts keeps them).
   */
  reminder: {
    /** What an erased member's reminders say after their kind. */
    erased: '(miembro eliminado)',
    stage_stalled: {
      subject: 'Hay un solicitante esperando por usted',
      summary: '{{name}} está en la etapa {{stage}} desde el {{since, when}}',
      next: 'Si espera el doble del límite, se avisa al personal nacional.',
    },
    stage_stalled_escalated: {
      subject: 'Un solicitante lleva demasiado tiempo esperando',
      summary: '{{name}} sigue en la etapa {{stage}} desde el {{since, when}}',
    },
    offer_expiring: {
      subject: 'Su oferta vence pronto',
      summary: 'la oferta para {{name}} vence el {{expires, when}}',
      next: 'Si no responde a más tardar el {{expires, when}}, la oferta vence.',
    },
    debrief_due_soon: {
      subject: 'Su {{debrief}} vence pronto',
      summary: 'su informe del período que comienza el {{start, when}} vence el {{end, when}}',
      next: 'Si no llega a más tardar el {{overdue, when}}, quedará atrasado.',
      nextTold:
        'Si no llega a más tardar el {{overdue, when}}, quedará atrasado, y se le avisará a su coordinador el {{told, when}}.',
    },
    debrief_overdue: {
      subject: 'Su {{debrief}} está atrasado',
      summary: 'su informe del período que comienza el {{start, when}} está atrasado (vencía el {{end, when}})',
      next: 'Si todavía falta el {{told, when}}, se le avisará a su coordinador.',
    },
    debrief_escalated: {
      subject: 'Todavía falta un informe',
      summary: 'todavía falta el informe de {{name}} del período que comienza el {{start, when}}',
      next_one:
        'Después de {{count}} informe sin enviar, {{name}} queda en riesgo y se avisa al personal nacional. Puede enviarle un enlace nuevo desde la página de {{name}}.',
      next_other:
        'Después de {{count}} informes seguidos sin enviar, {{name}} queda en riesgo y se avisa al personal nacional. Puede enviarle un enlace nuevo desde la página de {{name}}.',
    },
    organizer_at_risk: {
      subject: 'Un organizador está en riesgo',
      summary_one: '{{name}} no ha enviado {{count}} informe',
      summary_other: '{{name}} no ha enviado {{count}} informes seguidos',
    },
    group_debrief_missing: {
      subject: 'No hubo reunión grupal de informe en persona este período',
      summary: 'no hubo reunión grupal de informe en persona con {{name}} entre el {{start, when}} y el {{end, when}}',
    },
    ride_alongs_behind: {
      subject: 'Los acompañamientos van atrasados',
      summary: '{{name}} lleva {{done}} de {{required}} acompañamientos a la mitad del plazo',
      pace: 'al ritmo que lleva {{name}}, habrá hecho {{projected}} de {{required}} acompañamientos para el {{by, when}}',
    },
    timesheet_missing: {
      subject: 'Falta su hoja de horas',
      summary: 'falta su hoja de horas del período de pago del {{start, when}} al {{end, when}}',
      next: 'Hasta que llegue, su coordinador no podrá aprobar el pago de este período.',
    },
    screening_invitation: {
      subject: 'Su entrevista del {{at, when}}',
      staffSubject: 'Entrevista de {{name}} del {{at, when}}',
      summary: 'invitación a la entrevista del {{at, when}} en {{location}}',
    },
    screening_reminder: {
      subject: 'Mañana: su entrevista del {{at, when}}',
      summary: 'recordatorio de la entrevista del {{at, when}} en {{location}}',
    },
    screening_cancelled: {
      subject: 'Cancelada: su entrevista del {{at, when}}',
      staffSubject: 'Cancelada: la entrevista de {{name}} del {{at, when}}',
      summary: 'la entrevista del {{at, when}} está cancelada',
    },
    screening_cant_come: {
      subject: 'Un solicitante no puede asistir a su entrevista',
      summary: '{{name}} no puede asistir a la entrevista del {{at, when}}',
      summaryWithNote: '{{name}} no puede asistir a la entrevista del {{at, when}}: "{{note}}"',
    },
    pay_approval_waiting: {
      subject: 'Un período de pago espera su aprobación',
      summary:
        'el período de pago de {{name}} que comienza el {{start, when}} ya tiene su hoja de horas y sus informes, y espera aprobación',
    },
  },
  /** The program's rules, from its policy: why each reminder and each to-do exists. */
  rule: {
    screening: 'Cada entrevista se registra (si la persona asistió y si avanza o no) una vez realizada',
    offer: 'Una oferta vence {{after, duration}} después de hecha, a menos que el solicitante responda',
    debrief:
      'El informe de cada período {{due}}; queda atrasado {{grace, duration}} después, y se pasa al coordinador {{escalate, duration}} más tarde',
    debriefDueWeekday: 'vence {{weekday}} a las {{time}} ({{zone}})',
    debriefDueMonthDay: 'vence el día {{day}} de cada mes a las {{time}} ({{zone}})',
    debriefDueEvery: 'vence cada {{every, duration}}',
    at_risk_one: 'Un organizador que no envía un informe queda en riesgo hasta que no tenga ninguno atrasado',
    at_risk_other:
      'Un organizador que no envía {{count}} informes seguidos queda en riesgo hasta que no tenga ninguno atrasado',
    group_debrief:
      'Cada organizador asiste al menos a una reunión grupal de informe en persona cada {{every, duration}}',
    ride_alongs_one: '{{count}} acompañamiento dentro de {{window, duration}} desde la contratación',
    ride_alongs_other: '{{count}} acompañamientos dentro de {{window, duration}} desde la contratación',
    timesheet:
      'La hoja de horas de cada período de pago ({{payPeriod}}) vence {{grace, duration}} después de que termina el período; para pagar se necesitan la hoja y los informes del período',
    payPeriodMonth: 'cada mes calendario',
    payPeriod_one: 'cada período de informe',
    payPeriod_other: 'cada {{count}} períodos de informe',
    pay_approval:
      'El coordinador aprueba dentro de {{within, duration}} cada período de pago que ya tenga su hoja de horas y sus informes',
    stage_limit: 'La etapa {{stage}} debería durar como máximo {{limit, duration}}',
    stage_limitAny: 'Cada etapa tiene un límite de tiempo',
  },
  weekdays: {
    monday: 'los lunes',
    tuesday: 'los martes',
    wednesday: 'los miércoles',
    thursday: 'los jueves',
    friday: 'los viernes',
    saturday: 'los sábados',
    sunday: 'los domingos',
  },
  /** Who did something. */
  actor: {
    person: '{{name}}, {{role}}',
    system: 'el sistema',
    'public-form': 'el formulario público',
    'bootstrap-admin': 'el administrador (ADMIN_TOKEN)',
    unknown: 'alguien que ya no está en la plataforma',
  },
  role: {
    admin: 'administrador',
    national: 'personal nacional',
    coordinator: 'coordinador',
    organizer: 'organizador',
  },
  /** What an applicant attests to on the public form. */
  attestation: {
    currentMember: 'Miembro en regla',
    driversLicense: 'Tiene licencia de conducir',
    insuredVehicle: 'Tiene un vehículo asegurado',
    fullTerm: 'Puede cumplir el período completo',
    doorKnocking: 'Va a tocar puertas',
    currentLeader: 'Delegado sindical o dirigente actual',
  },
  goalScope: {
    program: 'el programa, en total',
    organizer_week: 'cada organizador, por semana',
    local: 'cada local',
  },
  goalMetric: {
    hires: 'contrataciones',
    debriefs: 'informes',
    hours: 'horas',
    conversations: 'conversaciones',
    one_on_ones: 'reuniones uno a uno',
    leaders_identified: 'líderes identificados',
  },
  /** Today's kinds of to-do. */
  today: {
    screening_to_record: 'Entrevista por registrar',
    offer_expiring: 'Oferta esperando respuesta',
    debrief_overdue: 'Informe atrasado',
    debrief_due: 'Informe pendiente',
    organizer_at_risk: 'En riesgo',
    group_debrief_missing: 'Sin reunión grupal de informe este período',
    ride_alongs_behind: 'Acompañamientos atrasados',
    stage_stalled: 'Detenido en una etapa',
    screening_cant_come: 'No puede asistir a la entrevista',
  },
  /** How a person answered a screening's invitation, as the session's page lists them. */
  screeningAnswer: {
    coming: 'Asistirá',
    not_coming: 'No asistirá',
    no_answer: 'Sin respuesta todavía',
  },
  /** Each action: its button, and where it leads (its route's summary). */
  action: {
    'schedule-screening': { label: 'Programar entrevista', outcome: 'applied → screening' },
    'reschedule-screening': {
      label: 'Reprogramar entrevista',
      outcome: 'screening: nueva fecha, hora y lugar; su límite de tiempo cuenta desde la nueva hora',
    },
    'record-screening': {
      label: 'Registrar entrevista',
      outcome: 'screening → role_play, not_selected o applied (no se presentó)',
    },
    'record-role-play': { label: 'Registrar juego de roles', outcome: 'role_play → offered o not_selected' },
    'respond-offer': { label: 'Responder a la oferta', outcome: 'offered → training o declined' },
    'respond-screening': {
      label: 'Responder a la invitación',
      outcome: 'screening: si el solicitante asistirá (hasta que empiece la entrevista)',
    },
    'record-training': {
      label: 'Registrar capacitación',
      outcome: 'training (→ ride_along cuando todas estén completas)',
    },
    'record-ride-along': {
      label: 'Registrar acompañamiento',
      outcome: 'ride_along (→ active después de los iniciales), active',
    },
    'submit-debrief': { label: 'Enviar informe', outcome: 'active' },
    'record-group-debrief': {
      label: 'Registrar reunión grupal de informe',
      outcome: 'active: cumple la regla de reunión grupal del período en que se realizó',
    },
    'set-work-plan': {
      label: 'Fijar plan de trabajo',
      outcome: 'active: el plan de un período cuyo informe aún no se ha enviado',
    },
    'submit-timesheet': {
      label: 'Enviar hoja de horas',
      outcome: 'active, o cerrado con un período de pago abierto: un período de pago aún no aprobado',
    },
    'approve-pay-period': {
      label: 'Aprobar período de pago',
      outcome: 'active, o cerrado con un período de pago abierto: una vez terminado, con todo lo que necesita',
    },
    pause: { label: 'Pausar', outcome: 'active: ningún informe vence hasta que se reanude' },
    resume: { label: 'Reanudar', outcome: 'active: el reloj de los informes vuelve a correr' },
    reject: { label: 'Rechazar', outcome: 'applied, screening, role_play → not_selected' },
    withdraw: { label: 'Retirar', outcome: 'cualquier etapa abierta → withdrawn' },
    terminate: { label: 'Dar de baja', outcome: 'training, ride_along, active → terminated' },
    'revert-step': {
      label: 'Deshacer el último paso',
      outcome:
        'vuelve a la etapa anterior al último resultado de entrevista, decisión de juego de roles, respuesta a la oferta, capacitación o acompañamiento registrado',
    },
    reopen: {
      label: 'Reabrir',
      outcome:
        'ineligible (se vuelve a revisar), not_selected, declined → applied; withdrawn → la etapa de la que salió',
    },
    'set-languages': {
      label: 'Cambiar idiomas',
      outcome: 'el idioma de cada correo y página a partir de ahora, y los idiomas que habla; la etapa no cambia',
    },
  },
  /** The fields of the forms people fill. */
  field: {
    yes: 'Sí',
    no: 'No',
    when: 'Cuándo',
    where: 'Dónde',
    notes: 'Notas',
    coming: '¿Va a asistir?',
    comingYes: 'Sí, voy a asistir',
    comingNo: 'No puedo asistir',
    note: 'Una nota (opcional)',
    reason: 'Motivo',
    attestations: 'Las respuestas del solicitante',
    attended: 'Asistió a la entrevista',
    advance: 'Pasa al juego de roles',
    scores: 'Puntuaciones, de 1 (débil) a 5 (fuerte)',
    score: '{{criterion}}, de 1 (débil) a 5 (fuerte)',
    decision: 'Decisión',
    decisionOffer: 'Hacer una oferta',
    decisionReject: 'No seleccionado',
    offer: 'La oferta',
    hoursPerWeek: 'Horas por semana',
    startDate: 'Fecha de inicio',
    stipend: 'Estipendio mensual',
    stipendIn: 'Estipendio mensual, en {{currency}}',
    accepted: 'La respuesta a la oferta',
    accept: 'Aceptar la oferta',
    decline: 'Rechazar la oferta',
    training: 'Capacitación',
    completedOn: 'Completada el',
    date: 'Fecha',
    withStaff: 'Con (personal)',
    period: 'Período',
    periodChoice: 'Del {{start, shortDay}} al {{last, shortDay}}',
    periodChoiceNoted: 'Del {{start, shortDay}} al {{last, shortDay}} ({{note}})',
    overdue: 'atrasado',
    hoursWorked: 'Horas trabajadas',
    conversations: 'Conversaciones',
    oneOnOnes: 'Reuniones uno a uno',
    leadersIdentified: 'Líderes identificados',
    inPerson: '¿Se reunieron en persona?',
    group: '¿Fue una reunión grupal de informe?',
    metrics: 'Los conteos propios del programa',
    /** A count or an allowance the program names itself. */
    named: '{{name}}',
    held: 'Cuándo se realizó',
    targets: 'Metas',
    target: 'Meta: {{what}}',
    payPeriod: 'Período de pago',
    entries: 'Horas, por día y tipo de trabajo',
    day: 'Día',
    dayNumbered: 'Día {{n}}',
    hours: 'Horas',
    kindOfWork: 'Tipo de trabajo',
    onDay: '{{what}}, día {{n}}',
    miles: 'Millas recorridas',
    allowances: 'Asignaciones',
    allowanceIn: 'Asignación de {{name}}, en {{currency}}',
    timesheetIn: 'hoja de horas recibida',
    noTimesheetYet: 'todavía sin hoja de horas',
    hoursCompared: 'hoja de horas {{sheet}} h, informes {{debriefs}} h',
    hoursComparedNoDebrief: 'hoja de horas {{sheet}} h, ningún informe recibido',
    hint: {
      optional: 'Opcional',
      hours: 'En horas; se permiten cuartos de hora (1.25 es una hora y cuarto).',
      hoursOptional: 'En horas; se permiten cuartos de hora (1.25 es una hora y cuarto); opcional.',
      money: 'Una cantidad como 12.50, hasta {{max}}.',
      moneyOptional: 'Una cantidad como 12.50, hasta {{max}}; opcional.',
      languages: 'Códigos de dos letras, como es, tl; opcional.',
    },
    choose: 'Elija una opción',
    preferredLanguage: 'Lee los correos y las páginas en',
    inEnglish: 'Inglés',
    inSpanish: 'Español',
    languages: 'Idiomas que habla',
  },
  offer: {
    terms: '{{hours}} horas a la semana a partir del {{start}}',
    termsWithStipend: '{{hours}} horas a la semana a partir del {{start}}, con un estipendio de {{stipend}}',
    stipend: '{{money}} al mes',
  },
  /** The parts of an email. */
  mail: {
    hello: 'Hola, {{name}}:',
    why: 'Motivo: {{rule}}',
    next: 'Siguiente paso: {{step}}',
    period: 'Período: del {{start, when}} al {{end, when}}.',
    payPeriod: 'Período de pago: del {{start, when}} al {{end, when}}.',
    deadline: 'Fecha límite: {{at, when}}.',
    offerTerms: 'La oferta: {{terms}}.',
    offerDeadline: 'Fecha límite: {{at, when}}; si no responde, la oferta vence.',
    received: 'Recibimos su solicitud ({{program}})',
    yourApplication: 'Su solicitud ({{program}})',
    thanks: 'Gracias por presentar su solicitud para {{program}}. Ya la recibimos.',
    standing: 'Estado actual: {{stage}}. {{next}}',
    yourDebrief: 'Su informe ({{program}})',
    yourTimesheet: 'Su hoja de horas ({{program}})',
    yourOffer: 'Su oferta ({{program}})',
    screeningInvited: 'Le invitamos a una entrevista para {{program}} el {{at, when}}.',
    screeningInvitedStaff: 'Se invitó a {{name}} a una entrevista el {{at, when}}.',
    screeningReminder: 'Un recordatorio: su entrevista para {{program}} es mañana, {{at, when}}.',
    screeningCancelled: 'Se canceló su entrevista para {{program}} del {{at, when}}.',
    screeningCancelledStaff: 'Se canceló la entrevista de {{name}} del {{at, when}}.',
    screeningWhere: 'Dónde: {{location}}',
    screeningBring: 'Qué esperar y qué traer: {{notes}}',
    screeningCalendar: 'La invitación va adjunta: ábrala para agregar la entrevista a su calendario.',
    screeningAnswer: 'Por favor, díganos si puede asistir; puede cambiar su respuesta hasta que empiece la entrevista.',
    screeningAnswered_yes: 'Usted indicó que asistirá.',
    screeningAnswered_no: 'Usted indicó que no puede asistir.',
    screeningEvent: 'Entrevista: {{program}}',
    screeningEventFor: 'Entrevista: {{name}} ({{program}})',
    sessionSubject: 'Entrevista grupal del {{at, when}} ({{program}})',
    sessionInvited_one: 'Una entrevista grupal para {{program}} el {{at, when}}, con {{count}} solicitante invitado.',
    sessionInvited_other:
      'Una entrevista grupal para {{program}} el {{at, when}}, con {{count}} solicitantes invitados.',
    sessionEvent: 'Entrevista grupal: {{program}}',
    sessionPage: 'Ver quién asistirá',
  },
  publicForm: {
    received:
      'Gracias. Si su solicitud puede tramitarse, recibirá un correo electrónico con un enlace para darle seguimiento.',
  },
  linkDone: {
    debrief: 'Recibimos su informe. ¡Gracias!',
    timesheet: 'Recibimos su hoja de horas. ¡Gracias!',
    offerAccepted: 'Aceptó la oferta. ¡Le damos la bienvenida al programa!',
    offerDeclined: 'Rechazó la oferta.',
  },
  problem: {
    isDefined: 'Por favor, complete este campo.',
    isNotEmpty: 'Por favor, complete este campo.',
    isString: 'Por favor, escríbalo como texto.',
    isEmail: 'Esta no es una dirección de correo electrónico.',
    isBoolean: 'Elija sí o no.',
    isNumber: 'Por favor, escriba un número.',
    isInt: 'Por favor, escriba un número entero.',
    isIn: 'Por favor, elija una de las opciones.',
    min: 'Tiene que ser por lo menos {{limit}}.',
    max: 'Tiene que ser como máximo {{limit}}.',
    minLength: 'Por favor, escriba por lo menos {{limit}} caracteres.',
    maxLength: 'Por favor, escriba como máximo {{limit}} caracteres.',
    arrayMaxSize: 'Por favor, elija como máximo {{limit}}.',
    isQuarterHours: 'Por favor, escriba las horas en cuartos de hora, como 1.25.',
    isTenths: 'Por favor, escríbalo con un decimal como máximo, como 2.5.',
    isLanguageCodes: 'Por favor, elija idiomas de la lista.',
    visible: 'Por favor, escriba algo que se pueda leer.',
    memberId: 'Un número de miembro tiene de 1 a 64 letras, dígitos o . _ - /',
    whitelistValidation: 'Esta página no envía eso.',
    other: 'Por favor, revise esta respuesta.',
  },
  page: {
    language: 'Idioma',
    loading: 'Cargando…',
    sending: 'Enviando…',
    optional: 'Opcional',
    closePage: 'Ya puede cerrar esta página.',
    nothingChanged: 'No se cambió nada. Si todavía tiene algo que enviar, pídale un enlace nuevo a su coordinador.',
    ended: {
      unknown: 'Este enlace no es válido',
      expired: 'Este enlace ya venció',
      used: 'Este enlace ya se usó',
      revoked: 'Este enlace fue cancelado',
      superseded: 'Le enviamos un enlace más reciente',
      done: 'Ya no queda nada por hacer aquí',
      other: 'Este enlace no funciona',
    },
    heading: {
      debrief: 'Su informe',
      offer: 'Su oferta',
      status: 'Su solicitud',
      timesheet: 'Su hoja de horas',
      rsvp: 'Su entrevista',
    },
    send: {
      debrief: 'Enviar mi informe',
      timesheet: 'Enviar mi hoja de horas',
      offer: 'Enviar mi respuesta',
      rsvp: 'Enviar mi respuesta',
    },
    forName: 'Para {{name}}',
    // Sin punto final: la hora termina en «p. m.».
    period: 'El período del {{start}} al {{end}}',
    due: 'Vence el {{at}}',
    overdueSince: 'Con atraso desde el {{at}}',
    hoursPerWeek: 'Horas a la semana',
    starting: 'Comienza',
    stipend: 'Estipendio',
    answerBy: 'Responda antes del',
    when: 'Cuándo',
    where: 'Dónde',
    screeningNotes: 'Qué esperar y qué traer',
    yourAnswer: 'Su respuesta',
    alone: 'Este enlace es solo para usted y funciona hasta el {{until}}',
    noProgram: 'Este programa no existe',
    checkAddress: 'Revise el enlace que recibió.',
    applicationSent: 'Solicitud enviada',
    closed: 'Las solicitudes están cerradas',
    opens: 'El formulario abre el {{at}}',
    notTaking: 'Este formulario no está recibiendo solicitudes ahora.',
    applyTo: 'Solicitud para {{program}}',
    closes: 'Las solicitudes cierran el {{at}}',
    name: 'Su nombre',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    memberId: 'Número de miembro',
    local: 'Su local sindical',
    weeklyHours: 'Horas a la semana que puede dedicar',
    asksHours: 'El programa pide {{hours}} horas a la semana.',
    aboutYou: 'Sobre usted (marque cada frase que sea cierta)',
    required: '{{label}} (el programa lo exige)',
    spoken: 'Idiomas que habla (marque cada uno)',
    sendApplication: 'Enviar mi solicitud',
    checkFields: 'Revise los campos marcados arriba.',
    tooMany: 'Demasiados intentos desde aquí: espere {{seconds}} segundos y vuelva a enviarlo.',
    unavailable: 'Esto no está disponible en este momento: inténtelo de nuevo en un minuto.',
    refused: 'No se pudo completar ahora. Si debería haberse podido, consulte con su coordinador.',
    notFound: 'Página no encontrada',
  },
  /** The email that invites a new user. */
  invitation: {
    subject: 'Su cuenta en Organizer Pipeline',
    body_one:
      'Usted tiene una cuenta en Organizer Pipeline. Abra este enlace para iniciar sesión; sirve una sola vez, dentro de un plazo de un día.',
    body_other:
      'Usted tiene una cuenta en Organizer Pipeline. Abra este enlace para iniciar sesión; sirve una sola vez, dentro de un plazo de {{count}} días.',
    later:
      'Más adelante, inicie sesión desde la página con su dirección de correo electrónico: cada vez le enviará un enlace nuevo.',
  },
  /** A signed-in browser, as the sessions list names it. */
  device: {
    named: '{{browser}} en {{system}}',
    unknown: 'Navegador desconocido',
  },
  /** The email that signs a user in. */
  signIn: {
    subject: 'Inicie sesión en Organizer Pipeline',
    requested:
      'Si esta dirección tiene una cuenta, ya va en camino un enlace para iniciar sesión. Sirve una sola vez, durante {{minutes}} minutos.',
    linkEnded: 'Este enlace para iniciar sesión ya se usó o venció. Pida uno nuevo.',
    body_one: 'Abra este enlace para iniciar sesión. Sirve una sola vez, dentro del próximo minuto.',
    body_other: 'Abra este enlace para iniciar sesión. Sirve una sola vez, dentro de los próximos {{count}} minutos.',
    button: 'Iniciar sesión',
    notYou: 'Si usted no pidió iniciar sesión, ignore este correo: nadie puede iniciar sesión sin el enlace.',
  },
  /** Why single sign-on did not sign someone in (`?signInFailed=` on the page), by reason. */
  singleSignOnFailed: {
    ended: 'Ese inicio de sesión tardó demasiado o ya se usó. Inténtelo de nuevo.',
    refused: '{{provider}} no le permitió iniciar sesión. Inténtelo de nuevo.',
    unavailable:
      'No se pudo conectar con {{provider}}. Inténtelo de nuevo en un momento, o inicie sesión por correo electrónico.',
    'no-email':
      '{{provider}} no nos dio su dirección de correo electrónico. Mejor inicie sesión por correo electrónico.',
    unverified:
      '{{provider}} no ha verificado su dirección de correo electrónico, así que no puede usarla para iniciar sesión aquí. Inicie sesión por correo electrónico.',
    'no-account':
      'Nadie aquí tiene la dirección que usted usa en {{provider}}. Pida a un administrador que le envíe una invitación.',
    'other-account':
      'Su cuenta aquí está vinculada a otra cuenta de {{provider}}. Inicie sesión con esa, o por correo electrónico.',
  },
  /** The weekly report to national. */
  report: {
    subject: 'Reporte semanal: {{program}}',
    open: 'El reporte en la página',
    heading: '{{program}} ({{affiliate}}), semana del {{week, day}} ({{zone}})',
    headingPeriod: '{{program}} ({{affiliate}}), el período desde el {{week, when}}',
    debriefs: 'Informes enviados: {{debriefs}}; vencidos esta semana: {{missing}}',
    totals:
      'Horas {{hours}}, conversaciones {{conversations}}, reuniones uno a uno {{oneOnOnes}}, líderes identificados {{leaders}}',
    missing: 'Vencieron esta semana: {{list}}',
    missingOne: '{{name}} (semana del {{start, day}})',
    nobodyMissing: 'Ningún informe venció esta semana.',
    plans: 'Planes comparados con los informes: {{list}}',
    plan: '{{name}}: {{targets}}',
    planTarget: '{{target}} {{reported}} de {{planned}}',
    goals: 'Metas: {{list}}',
    goalLocal: '{{goal}} ({{local}})',
    day: '{{at, day}}',
    goalPerWeek: '{{goal}}: {{actual}} de {{target}} por organizador por semana; {{track}}',
    goalBy: '{{goal}}: {{actual}} de {{target}}, {{forecast}} a este ritmo para el {{by}}; {{track}}',
    onTrack: 'en buen camino',
    behind: 'con {{by}} de atraso',
  },
};
