import Foundation

/// The arithmetic of a statistics table: cells read as numbers, declared totals checked.
struct TableTotals {
    let table: CSVTable
    let numeric: [Bool]
    let file: SourceFile

    /// A cell's value: `1,234`, `£20,121`, `12.5`, `45%`; nil for an empty or “–” cell.
    static func number(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        cleaned = cleaned.replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Double(cleaned)
    }

    static func isBlank(_ text: String) -> Bool {
        ["", "-", "–", "—", "n/a", "N/A"].contains(text.trimmingCharacters(in: .whitespaces))
    }

    /// The sum of cells, blanks counting as nothing; nil if any is a percentage, which
    /// do not add up to a total.
    static func sum(_ cells: [String]) -> Double? {
        guard !cells.contains(where: { $0.hasSuffix("%") }) else { return nil }
        return cells.compactMap(number).reduce(0, +)
    }

    static func isTotal(_ text: String) -> Bool { text.lowercased().hasPrefix("total") }

    /// Every numeric cell that is not a number, and every declared total that does not add up.
    func problems() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let headings = table.header.map(\.text)
        for row in table.rows {
            for (index, cell) in row.enumerated() where numeric[index] && !Self.isBlank(cell.text) && Self.number(cell.text) == nil {
                found.append(file.error(
                    line: cell.line, column: cell.column, "“\(cell.text)” in the column “\(headings[index])” is not a number",
                    hint: "Write digits only (a £ before or % after is fine); leave the cell empty or write – if there is no figure."))
            }
        }
        guard found.isEmpty else { return found }

        // Total rows: each numeric column sums the rows since the last total row.
        var since = 0
        for (position, row) in table.rows.enumerated() where Self.isTotal(row[0].text) {
            let block = table.rows[since..<position]
            for (index, cell) in row.enumerated() where numeric[index] && !cell.text.hasSuffix("%") {
                guard let declared = Self.number(cell.text), let sum = Self.sum(block.map { $0[index].text }) else { continue }
                if abs(sum - declared) > 0.005 {
                    found.append(file.error(
                        line: cell.line, column: cell.column,
                        "the total in the column “\(headings[index])” is \(cell.text), but the rows above add up to \(format(sum, likeColumn: index))",
                        hint: "Check the figures against the source: correct a row or the total, or say in the text that the published total differs and leave this row out."))
                }
            }
            since = position + 1
        }

        // Total columns: each row's numeric cells before it add up to it.
        for (index, heading) in headings.enumerated() where Self.isTotal(heading) && numeric[index] {
            for row in table.rows {
                let cell = row[index]
                guard !cell.text.hasSuffix("%"), let declared = Self.number(cell.text),
                    let sum = Self.sum(row[..<index].enumerated().filter { numeric[$0.offset] }.map(\.element.text))
                else { continue }
                if abs(sum - declared) > 0.005 {
                    found.append(file.error(
                        line: cell.line, column: cell.column,
                        "the row “\(row[0].text)” has the total \(cell.text), but its figures add up to \(format(sum, likeColumn: index))",
                        hint: "Check the row's figures against the source, or its total."))
                }
            }
        }
        return found
    }

    /// Sums of each numeric column over every row that is not itself a total.
    func columnTotals() -> [String] {
        table.header.indices.map { index in
            guard index > 0 else { return "Total" }
            guard numeric[index] else { return "" }
            return Self.sum(table.rows.filter { !Self.isTotal($0[0].text) }.map { $0[index].text })
                .map { format($0, likeColumn: index) } ?? ""
        }
    }

    /// `value` written as the column writes its figures: a £ before it, thousands grouped
    /// with commas, and as many decimal places as its figures have at most.
    func format(_ value: Double, likeColumn index: Int) -> String {
        let cells = table.rows.filter { !Self.isTotal($0[0].text) }.map { $0[index].text.trimmingWhitespace() }
            .filter { !$0.hasSuffix("%") && Self.number($0) != nil }
        let pounds = cells.contains { $0.hasPrefix("£") || $0.hasPrefix("-£") }
        // Thousands are grouped unless the column writes a figure of thousands without a comma.
        let grouped = !cells.contains { !$0.contains(",") && abs(Self.number($0) ?? 0) >= 1000 }
        let decimals = cells.map { cell in cell.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0 }.max() ?? 0
        return Self.format(value, decimals: decimals, grouped: grouped, prefix: pounds ? "£" : "")
    }

    /// `-£1,234.50`: the sign, the prefix, the digits (grouped in threes), the decimals.
    static func format(_ value: Double, decimals: Int, grouped: Bool, prefix: String = "") -> String {
        let fixed = String(format: "%.\(decimals)f", abs(value))
        let parts = fixed.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        if grouped {
            var digits = Array(whole)
            var index = digits.count - 3
            while index > 0 {
                digits.insert(",", at: index)
                index -= 3
            }
            whole = String(digits)
        }
        let rounded = Double(fixed) ?? 0
        return (value < 0 && rounded != 0 ? "-" : "") + prefix + whole + (parts.count > 1 ? "." + parts[1] : "")
    }
}
