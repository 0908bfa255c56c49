
/// ```` ```table ```` in a page: an accessible table made from a CSV file in Content/data/.
/// Numbers are right-aligned and checked; a row whose first cell starts with “Total” and a
/// column whose heading starts with “Total” are checked against the sums they claim, so a
/// published table that does not add up is caught before it is published.
public struct DataTableBlock: DataFileBlock {
    let dataFiles: [String: SourceFile]
    let theme: Theme

    public init(dataFiles: [String: SourceFile], theme: Theme) {
        self.dataFiles = dataFiles
        self.theme = theme
    }

    /// The same block reading other versions of the data files (the preview, after an edit).
    func reading(_ files: [String: SourceFile]) -> DataTableBlock {
        DataTableBlock(dataFiles: files, theme: theme)
    }

    /// The settings a table block accepts.
    static let fields = ["file", "caption", "source", "numeric", "add_total"]

    public var infoStrings: Set<String> { ["table"] }
    public var templates: Set<String> { ["data-table"] }

    public func render(info: String, body: String, file: SourceFile, firstLine: Int, ids: inout UniqueIDs) -> BlockOutput {
        let fields: FieldReader
        switch DataFileInput.settings(body, file: file, firstLine: firstLine, what: "table") {
        case .success(let read): fields = read
        case .failure(let problem): return BlockOutput(html: nil, problems: [problem])
        }
        let name = fields.string("file", required: true)
        let caption = fields.string("caption", required: true)
        let source = fields.string("source")
        let numericNames = fields.strings("numeric")
        let addTotal = fields.bool("add_total") ?? false
        func finish(_ html: String?, _ more: [Diagnostic] = []) -> BlockOutput {
            let settings = fields.warnAboutUnknownFields(allowed: Self.fields, context: "a table")
            let problems = settings + more
            return BlockOutput(html: problems.hasErrors ? nil : html, problems: problems, uses: name.map { [$0] } ?? [])
        }
        guard let name, let caption else { return finish(nil) }
        let (found, csvProblems) = DataFileInput.read(name, fields: fields, dataFiles: dataFiles)
        guard let (table, csv) = found else { return finish(nil, csvProblems) }

        // Which columns hold numbers: those named under `numeric` (or none), else all but the first.
        let headings = table.header.map(\.text)
        DataFileInput.checkColumns(numericNames, field: "numeric", in: headings, fields: fields, what: "table", allowing: ["none"])
        let numeric: [Bool] = headings.indices.map { index in
            numericNames.isEmpty ? index > 0 : numericNames.contains(headings[index])
        }
        let totals = TableTotals(table: table, numeric: numeric, file: csv)
        let view = DataTableView(
            table: table, numeric: numeric, caption: caption, source: source, addTotal: addTotal, totals: totals)
        return finish(theme.render(view, template: "data-table"), totals.problems())
    }
}
