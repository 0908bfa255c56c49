/// Reads CSV (RFC 4180: commas, double-quoted fields with "" for a quote, fields that span
/// lines) keeping the line and column where every cell starts, so a bad number or a
/// ragged row is reported exactly. The CSV libraries do not keep positions.
public struct CSVTable: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public var header: [Cell]
    public var rows: [[Cell]]

    /// Beyond these a file is not a table anyone reads (a million columns once took 7 s
    /// and a gigabyte): it is refused where the limit is passed.
    public static let columnLimit = 200
    public static let cellLimit = 200_000

    /// The table, or the first problem that stops reading it, plus one error per ragged row.
    public static func read(_ file: SourceFile) -> (CSVTable?, [Diagnostic]) {
        var records: [[Cell]] = []
        var record: [Cell] = []
        var field = ""
        var fieldLine = 1, fieldColumn = 1
        var line = 1, column = 1
        var quoted = false, wasQuoted = false
        var iterator = file.text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        var cells = 0
        var tooBig: Diagnostic?
        func endField() {
            record.append(Cell(text: wasQuoted ? field : field.trimmingCharacters(in: .whitespaces), line: fieldLine, column: fieldColumn))
            field = ""
            wasQuoted = false
            cells += 1
            if record.count > columnLimit {
                tooBig = file.error(
                    line: fieldLine, column: fieldColumn, "this row has more than \(columnLimit) columns",
                    hint: "A table on a page has at most \(columnLimit) columns. Check that this is the right file, saved as CSV with commas between cells.")
            } else if cells > cellLimit {
                tooBig = file.error(
                    line: fieldLine, column: fieldColumn, "this file has more than \(cellLimit) cells",
                    hint: "Split the table into smaller ones, each in its own file.")
            }
        }
        while tooBig == nil, let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                            column += 2
                            continue
                        }
                        pending = next
                    }
                    quoted = false
                    column += 1
                    continue
                }
                field.unicodeScalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch scalar {
            case "\"" where field.allSatisfy(\.isWhitespace) && !wasQuoted:
                field = ""
                quoted = true
                wasQuoted = true
                column += 1
            case ",":
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\n":
                endField()
                if !(record.count == 1 && record[0].text.isEmpty && !wasQuoted) { records.append(record) }
                record = []
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
            default:
                field.unicodeScalars.append(scalar)
                column += 1
            }
        }
        if let tooBig { return (nil, [tooBig]) }
        if quoted {
            return (nil, [file.error(
                line: fieldLine, column: fieldColumn, "this quoted cell is never closed",
                hint: "Add the closing \" at the end of the cell. A quote inside a quoted cell is written twice: \"\".")])
        }
        if !field.isEmpty || !record.isEmpty || wasQuoted {
            endField()
            records.append(record)
        }
        guard let header = records.first else {
            return (nil, [file.error(line: 1, column: 1, "this CSV file is empty", hint: "The first line must name the columns.")])
        }
        var problems: [Diagnostic] = []
        let rows = Array(records.dropFirst())
        for row in rows where row.count != header.count {
            problems.append(file.error(
                line: row[0].line, column: 1,
                "this row has \(row.count) cell\(row.count == 1 ? "" : "s"), but the first line names \(header.count) columns",
                hint: "Check for a missing or extra comma; put a cell that contains a comma in double quotes."))
        }
        return (CSVTable(header: header, rows: rows), problems)
    }
}

import Foundation
