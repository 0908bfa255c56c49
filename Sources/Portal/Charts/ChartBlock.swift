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
    static let fields = ["file", "type", "title", "summary", "caption", "source", "units", "columns", "label", "stacked", "series"]

    /// What a chart draws as its series (bars of one colour and pattern, lines): the
    /// file's columns, its rows along the bottom (the usual way); or its rows, its columns
    /// along the bottom (a statistics file with a row a measure and the years across).
    enum SeriesFrom: String, CaseIterable, Sendable {
        case columns, rows
    }

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
        let stacked = fields.bool("stacked") ?? false
        let seriesFrom = fields.choice("series", as: SeriesFrom.self) ?? .columns
        if stacked, kind == .line {
            fields.failField("stacked", "a line chart cannot be stacked", hint: "Use `type: bar` or `type: column` for stacked bars, or leave `stacked` out.")
        }
        func finish(_ html: String?, _ more: [Diagnostic] = []) -> BlockOutput {
            let problems = fields.warnAboutUnknownFields(allowed: Self.fields, context: "a chart") + more
            return BlockOutput(html: problems.hasErrors ? nil : html, problems: problems, uses: name.map { [$0] } ?? [])
        }
        guard let name else { return finish(nil) }
        let (found, csvProblems) = DataFileInput.read(name, fields: fields, dataFiles: dataFiles)
        guard let (table, csv) = found, let kind, let title, let summary else { return finish(nil, csvProblems) }

        // The names' column (`label`, else the first): the categories' names, or with
        // `series: rows` the series'. Figures, checked (totals too) and right-aligned in the
        // table: without `columns`, every column but the first and the names'; with it,
        // those drawn, and others whose cells are all figures.
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
        let columns = drawn.isEmpty
            ? headings.indices.filter { numeric[$0] && !TableTotals.isTotal(headings[$0]) }
            : drawn.compactMap { headings.firstIndex(of: $0) }
        if columns.contains(label) {
            fields.failField("columns", "“\(headings[label])” names the \(seriesFrom == .rows ? "rows" : "categories"), so it cannot be drawn as figures", hint: "Leave it out of `columns`, or name another column under `label`.")
        }
        let rows = table.rows.filter { !TableTotals.isTotal($0[0].text) }
        var problems: [Diagnostic] = []
        if rows.isEmpty {
            problems.append(csv.error(line: 1, column: 1, "this file has no rows of figures to draw", hint: "Add a line for each category under the line of column names."))
        }
        switch seriesFrom {
        case .columns:
            if columns.count > ChartLayout.seriesLimit {
                fields.failField("columns", "a chart draws at most \(ChartLayout.seriesLimit) columns of figures; this one would draw \(columns.count)", hint: "Name the columns to draw under `columns`, or show the figures as a ```table.")
            }
            if rows.count > ChartLayout.categoryLimit {
                let over = rows[ChartLayout.categoryLimit][0]
                problems.append(csv.error(line: over.line, column: over.column, "a chart shows at most \(ChartLayout.categoryLimit) categories; this row is one too many", hint: "Chart a part of the figures from a smaller file, or show them all as a ```table."))
            }
        case .rows:
            if rows.count > ChartLayout.seriesLimit {
                let over = rows[ChartLayout.seriesLimit][label]
                problems.append(csv.error(line: over.line, column: over.column, "with `series: rows` a chart draws at most \(ChartLayout.seriesLimit) rows; this row is one too many", hint: "Chart fewer rows from a smaller file, or leave out `series: rows` to draw the rows as categories."))
            }
            if columns.count > ChartLayout.categoryLimit {
                let over = table.header[columns[ChartLayout.categoryLimit]]
                problems.append(csv.error(line: over.line, column: over.column, "a chart shows at most \(ChartLayout.categoryLimit) categories; this column is one too many", hint: "Name the columns to draw under `columns`, or show the figures as a ```table."))
            }
        }
        if figureProblems.isEmpty, !rows.isEmpty {
            for column in columns where seriesFrom == .columns && rows.allSatisfy({ TableTotals.isBlank($0[column].text) }) {
                let heading = table.header[column]
                problems.append(csv.error(line: heading.line, column: heading.column, "the column “\(heading.text)” has no figures to draw", hint: "Fill in its figures, or name the columns to draw under `columns` and leave it out."))
            }
            for row in rows where seriesFrom == .rows && !columns.isEmpty && columns.allSatisfy({ TableTotals.isBlank(row[$0].text) }) {
                let name = row[label]
                problems.append(csv.error(line: name.line, column: name.column, "the row “\(name.text)” has no figures to draw", hint: "Fill in its figures, or leave the row out of the file."))
            }
            for row in rows {
                for column in columns where (TableTotals.number(row[column].text) ?? 0) < 0 {
                    problems.append(csv.error(line: row[column].line, column: row[column].column, "“\(row[column].text)” is below zero, which a chart here cannot draw", hint: stacked
                        ? "The parts of a stacked bar are figures of 0 or more; show figures below zero in a ```table."
                        : "Charts draw figures of 0 or more; show figures below zero in a ```table."))
                }
            }
        }
        guard !(fields.diagnostics + problems + figureProblems).hasErrors else { return finish(nil, figureProblems + problems) }

        let categories: [String]
        let data: [ChartLayout.Series]
        switch seriesFrom {
        case .columns:
            categories = rows.map { $0[label].text }
            data = columns.map { column in
                ChartLayout.Series(name: headings[column], values: rows.map { TableTotals.number($0[column].text) }, texts: rows.map { $0[column].text })
            }
        case .rows:
            categories = columns.map { headings[$0] }
            data = rows.map { row in
                ChartLayout.Series(name: row[label].text, values: columns.map { TableTotals.number(row[$0].text) }, texts: columns.map { row[$0].text })
            }
        }
        let cells = rows.flatMap { row in columns.map { row[$0].text } }.filter { !TableTotals.isBlank($0) }
        let suffix = cells.allSatisfy { $0.hasSuffix("%") } ? "%" : ""
        let heading = units.map { "\(title) (\($0))" } ?? title
        switch ChartLayout.layout(kind, categories: categories, series: data, suffix: suffix, stacked: stacked) {
        case .failure(.labelsTooLong(let long)):
            fields.failField("type", "“\(long)” is too long to go under a column", hint: kind == .line
                ? "Shorten the names along the bottom (write years like 2012-13), or use `type: bar`."
                : "Use `type: bar`: its bars run across the page with their names above them.")
            return finish(nil)
        case .failure(.figuresTooWide(let wide)):
            let names = seriesFrom == .rows ? "rows' names" : "column headings"
            fields.failField("type", "the labels of the figures (such as “\(wide)”) leave too little room to draw the chart", hint: kind == .column
                ? "Use `type: bar`, whose bars have room for their figures, or show the figures as a ```table."
                : "Shorten the \(names) in the file, or show the figures as a ```table.")
            return finish(nil)
        case .failure(.seriesNameTooLong(let long)):
            fields.failField("type", "“\(long)” has a word too long to fit in the chart's key", hint: "Shorten the \(seriesFrom == .rows ? "row's name" : "column's heading") in the file.")
            return finish(nil)
        case .success(let layout):
            let id = ids.claim("chart-\(firstLine)", suffixes: ChartSVG.idSuffixes)
            let svg = ChartSVG.write(layout, id: id, title: heading, description: summary)
            let tableView = DataTableView(table: table, numeric: numeric, caption: heading, source: nil, addTotal: false, totals: totals)
            let view = View(title: heading, svg: svg, caption: caption, source: source, table: theme.render(tableView, template: "data-table"))
            return finish(theme.render(view, template: "chart"))
        }
    }
}
