// The rule text itself is generated into this module at build time by the EmbedRules
// plugin from the YAML files under Rules/ (see BuiltinRuleFiles).
