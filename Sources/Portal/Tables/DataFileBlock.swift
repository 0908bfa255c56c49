/// A fenced block drawn from a CSV file in Content/data/ (```` ```table ````, ```` ```chart ````).
/// What they share lives here, so each reads its settings, finds its file and names a
/// missing column the same way, with the same located errors.
protocol DataFileBlock: FencedBlockRenderer {
    /// The same block reading other versions of the data files (the preview, after an edit).
    func reading(_ files: [String: SourceFile]) -> Self
}

enum DataFileInput {
    /// The block's settings, or the one problem that stops reading them.
    static func settings(_ body: String, file: SourceFile, firstLine: Int, what: String) -> Result<FieldReader, Diagnostic> {
        YAMLReader.parse(body, in: file, firstLine: firstLine).map { FieldReader($0, in: file, firstLine: firstLine, what: what) }
    }

    /// The CSV file called `name` read as a table, and the file; nil if there is no such
    /// file (reported at `file`, with the nearest name) or it cannot be read (`problems`).
    static func read(
        _ name: String, fields: FieldReader, dataFiles: [String: SourceFile]
    ) -> (found: (table: CSVTable, csv: SourceFile)?, problems: [Diagnostic]) {
        guard let csv = dataFiles[name] else {
            let suggestion = closest(to: name, in: dataFiles.keys.sorted()).map { "Did you mean “\($0)”? " } ?? ""
            fields.failField("file", "there is no file data/\(name)", hint: "\(suggestion)Put the CSV file in Content/data/ and give its name here.")
            return (nil, [])
        }
        let (read, problems) = CSVTable.read(csv)
        guard let table = read, !problems.hasErrors else { return (nil, problems) }
        return ((table, csv), problems)
    }

    /// Reports each of `names` (given under `field`) that is not a column of the table.
    static func checkColumns(_ names: [String], field: String, in headings: [String], fields: FieldReader, what: String, allowing: Set<String> = []) {
        for unknown in names where !headings.contains(unknown) && !allowing.contains(unknown) {
            fields.failField(field, "the \(what) has no column “\(unknown)”", hint: "Its columns are: \(headings.joined(separator: ", ")).")
        }
    }
}
