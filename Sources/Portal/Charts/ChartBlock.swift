/// ```` ```chart ```` in a page: a chart drawn at build time as inline SVG from a CSV file in
/// Content/data/ (the files ```` ```table ```` shows), followed by its figures as a table.
/// Nothing runs or downloads in the reader's browser. The file is checked as a table's is
/// (numbers, declared totals), and what cannot be drawn is an error at its cell or setting.
public struct ChartBlock: DataFileBlock {
    let dataFiles: [String: SourceFile]
    let theme: Theme

    public init(dataFiles: [String: SourceFile], theme: Theme) {
        self.dataFiles = dataFiles
        self.theme = theme
    }

    func reading(_ files: [String: SourceFile]) -> ChartBlock {
        ChartBlock(dataFiles: files, theme: theme)
    }

    /// The settings a chart block accepts.
    static let fields = ["file", "type", "title", "summary", "caption", "source", "units", "columns", "label"]

    public var infoStrings: Set<String> { ["chart"] }
    public var templates: Set<String> { ["chart", "data-table"] }

    struct View: TemplateView {
        var title: String
        var svg: String
        var caption: String?
        var source: String?
        var table: String
    }

    public func render(info: String, body: String, file: SourceFile, firstLine: Int, ids: inout UniqueIDs) -> BlockOutput {
        let fields: FieldReader
        switch DataFileInput.settings(body, file: file, firstLine: firstLine, what: "chart") {
        case .success(let read): fields = read
        case .failure(let problem): return BlockOutput(html: nil, problems: [problem])
        }
        let name = fields.string("file", required: true)
        let kind = fields.choice("type", required: true, as: ChartLayout.Kind.self)
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        let caption = fields.string("caption")
        let source = fields.string("source")
        let units = fields.string("units")
        let drawn = fields.strings("columns")
        let labelName = fields.string("label")
        func finish(_ html: String?, _ more: [Diagnostic] = []) -> BlockOutput {
            let problems = fields.warnAboutUnknownFields(allowed: Self.fields, context: "a chart") + more
            return BlockOutput(html: problems.hasErrors ? nil : html, problems: problems, uses: name.map { [$0] } ?? [])
        }
        guard let name else { return finish(nil) }
        let (found, csvProblems) = DataFileInput.read(name, fields: fields, dataFiles: dataFiles)
        guard let (table, csv) = found, let kind, let title, let summary else { return finish(nil, csvProblems) }

        // The categories' column (`label`, else the first). Figures, checked (totals too) and
        // right-aligned in the table: without `columns`, every column but the first and the
        // categories'; with it, those drawn, and others whose cells are all figures.
        let headings = table.header.map(\.text)
        DataFileInput.checkColumns(labelName.map { [$0] } ?? [], field: "label", in: headings, fields: fields, what: "file")
        DataFileInput.checkColumns(drawn, field: "columns", in: headings, fields: fields, what: "file")
        let label = labelName.flatMap { headings.firstIndex(of: $0) } ?? 0
        let numeric = headings.indices.map { index in
            index != label && index != 0 && (drawn.isEmpty || drawn.contains(headings[index])
                || table.rows.allSatisfy { TableTotals.isBlank($0[index].text) || TableTotals.number($0[index].text) != nil })
        }
        let totals = TableTotals(table: table, numeric: numeric, file: csv)
        let figureProblems = totals.problems()
        // Drawn: the columns named, else every column of figures but totals.
        let series = drawn.isEmpty
            ? headings.indices.filter { numeric[$0] && !TableTotals.isTotal(headings[$0]) }
            : drawn.compactMap { headings.firstIndex(of: $0) }
        if series.contains(label) {
            fields.failField("columns", "“\(headings[label])” names the categories, so it cannot be drawn as figures", hint: "Leave it out of `columns`, or name another column under `label`.")
        }
        if series.count > ChartLayout.seriesLimit {
            fields.failField("columns", "a chart draws at most \(ChartLayout.seriesLimit) columns of figures; this one would draw \(series.count)", hint: "Name the columns to draw under `columns`, or show the figures as a ```table.")
        }
        if kind == .column && series.count > 1 {
            fields.failField("type", "a column chart draws one column of figures, but \(series.count) are drawn (\(series.map { headings[$0] }.joined(separator: ", ")))", hint: "Name one under `columns`, or use `type: bar`, whose bars are each labelled with their column.")
        }
        let rows = table.rows.filter { !TableTotals.isTotal($0[0].text) }
        var problems: [Diagnostic] = []
        if rows.isEmpty {
            problems.append(csv.error(line: 1, column: 1, "this file has no rows of figures to draw", hint: "Add a line for each category under the line of column names."))
        } else if rows.count > ChartLayout.categoryLimit {
            let over = rows[ChartLayout.categoryLimit][0]
            problems.append(csv.error(line: over.line, column: over.column, "a chart shows at most \(ChartLayout.categoryLimit) categories; this row is one too many", hint: "Chart a part of the figures from a smaller file, or show them all as a ```table."))
        }
        if figureProblems.isEmpty {
            for column in series {
                if rows.allSatisfy({ TableTotals.isBlank($0[column].text) }), !rows.isEmpty {
                    let heading = table.header[column]
                    problems.append(csv.error(line: heading.line, column: heading.column, "the column “\(heading.text)” has no figures to draw", hint: "Fill in its figures, or name the columns to draw under `columns` and leave it out."))
                }
                for row in rows where (TableTotals.number(row[column].text) ?? 0) < 0 {
                    problems.append(csv.error(line: row[column].line, column: row[column].column, "“\(row[column].text)” is below zero, which a chart here cannot draw", hint: "Charts draw figures of 0 or more; show figures below zero in a ```table."))
                }
            }
        }
        guard !(fields.diagnostics + problems + figureProblems).hasErrors else { return finish(nil, figureProblems + problems) }

        let data = series.map { column in
            ChartLayout.Series(
                name: headings[column], values: rows.map { TableTotals.number($0[column].text) }, texts: rows.map { $0[column].text })
        }
        let cells = rows.flatMap { row in series.map { row[$0].text } }.filter { !TableTotals.isBlank($0) }
        let suffix = cells.allSatisfy { $0.hasSuffix("%") } ? "%" : ""
        let heading = units.map { "\(title) (\($0))" } ?? title
        switch ChartLayout.layout(kind, categories: rows.map { $0[label].text }, series: data, suffix: suffix) {
        case .failure(.labelsTooLong(let long)):
            fields.failField("type", "“\(long)” is too long to go under a column", hint: "Use `type: bar`: its bars run across the page with their names above them.")
            return finish(nil)
        case .failure(.figuresTooWide(let wide)):
            fields.failField("type", "the labels of the figures (such as “\(wide)”) leave too little room to draw the chart", hint: "Shorten the column headings in the file, or show the figures as a ```table.")
            return finish(nil)
        case .success(let layout):
            let id = ids.claim("chart-\(firstLine)", suffixes: ["title", "desc"])
            let svg = ChartSVG.write(layout, id: id, title: heading, description: summary)
            let tableView = DataTableView(table: table, numeric: numeric, caption: heading, source: nil, addTotal: false, totals: totals)
            let view = View(title: heading, svg: svg, caption: caption, source: source, table: theme.render(tableView, template: "data-table"))
            return finish(theme.render(view, template: "chart"))
        }
    }
}
