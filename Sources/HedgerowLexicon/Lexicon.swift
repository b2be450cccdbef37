// The word lists themselves are generated into this module at build time by the
// EmbedRules plugin from Rules/lexicon/*.txt (see BuiltinLexiconFiles). Their sources
// and licences are in docs/lexicon.md.
