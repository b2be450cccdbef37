// Everything that reports findings speaks the playbook's terms (severity, response time,
// who to notify): importing the reports brings them.
@_exported import HedgerowPlaybook
