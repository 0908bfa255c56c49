/// What `data-table.mustache` shows.
struct DataTableView: TemplateView {
    struct Cell: TemplateView {
        var text: String
        var label: String
        var numeric: Bool
    }

    struct Row: TemplateView {
        var header: Cell
        var cells: [Cell]
    }

    var caption: String
    var source: String?
    var headings: [Cell]
    var rows: [Row]
    var totals: [Row]

    init(table: CSVTable, numeric: [Bool], caption: String, source: String?, addTotal: Bool, totals: TableTotals) {
        self.caption = caption
        self.source = source
        let labels = table.header.map(\.text)
        headings = labels.enumerated().map { Cell(text: $1, label: $1, numeric: numeric[$0]) }
        func row(_ texts: [String]) -> Row {
            let cells = texts.enumerated().map { Cell(text: $1, label: labels[$0], numeric: numeric[$0]) }
            return Row(header: cells[0], cells: Array(cells.dropFirst()))
        }
        // Declared total rows at the end go in the footer; computed ones when asked for.
        var body = table.rows.map { $0.map(\.text) }
        var footer: [[String]] = []
        while let last = body.last, TableTotals.isTotal(last[0]) { footer.insert(body.removeLast(), at: 0) }
        if addTotal && footer.isEmpty { footer = [totals.columnTotals()] }
        rows = body.map(row)
        self.totals = footer.map(row)
    }
}
