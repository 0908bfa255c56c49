/// Pages as the last build read and compiled them, by content path, for the preview's next
/// full build (after an edit to the settings or the data): a file whose text is unchanged
/// is not read into a page again, and its Markdown is not compiled again unless the
/// compiled text used what can change elsewhere (`CompiledBody.usesContext`). Entries are
/// matched on the whole text, so an entry can never stand for other content.
struct PageCache: Sendable {
    struct Entry: Sendable {
        var text: String
        var parsed: (page: Page?, problems: [Diagnostic])
        /// Nil when the front matter could not be read (then there is nothing to compile).
        var body: CompiledBody?
    }

    var entries: [String: Entry] = [:]
    /// How many pages the build that made this cache compiled.
    var compiled = 0
    /// The glossary the pages were compiled with: their text links its terms.
    var glossary: Glossary?

    func parsed(_ file: SourceFile) -> (Page?, [Diagnostic])? {
        guard let entry = entries[file.relativePath], entry.text == file.text else { return nil }
        return entry.parsed
    }

    func body(_ file: SourceFile) -> CompiledBody? {
        guard let entry = entries[file.relativePath], entry.text == file.text, let body = entry.body, !body.usesContext
        else { return nil }
        return body
    }
}
