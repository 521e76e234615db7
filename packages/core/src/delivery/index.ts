export { recordAlerts, listIncidents, type AlertNotice, type AlertStatus, type Incident, type RecordAlertsResult } from './incidents';
