export { recordAlerts, listIncidents, type AlertNotice, type AlertStatus, type Incident, type RecordAlertsResult } from './incidents';
export { recordDeployment, listDeployments, type Deployment, type DeploymentReport, type DeploymentStatus } from './deployments';
export { computeDora, doraReport, DORA_TARGETS, CHANGE_FAILURE_WINDOW_MS, type DoraReport } from './dora';
