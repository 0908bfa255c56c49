import Testing

@testable import Portal

@Suite struct CSVTests {
    func read(_ text: String) -> (CSVTable?, [String]) {
        let (table, problems) = CSVTable.read(sourceFile(text, path: "Content/data/t.csv"))
        return (table, problems.map { "\($0.location.line):\($0.location.column): \($0.message)" })
    }

    @Test func readsQuotedCellsWithTheirPositions() throws {
        let (table, problems) = read("course,attended\n\"Fostering, trafficking\",17\n\"Say \"\"hello\"\"\", 3\n\"Two\nlines\",4\n")
        #expect(problems.isEmpty)
        let rows = try #require(table).rows
        #expect(rows.map { $0.map(\.text) } == [["Fostering, trafficking", "17"], ["Say \"hello\"", "3"], ["Two\nlines", "4"]])
        #expect(rows[0][1].line == 2)
        #expect(rows[0][1].column == 26)
        #expect(rows[1][1].column == 17)
        #expect(rows[2][1].line == 5)
    }

    @Test func reportsRaggedRowsAndUnclosedQuotes() {
        #expect(read("a,b\n1,2\n1,2,3\n4\n").1 == [
            "3:1: this row has 3 cells, but the first line names 2 columns",
            "4:1: this row has 1 cell, but the first line names 2 columns",
        ])
        #expect(read("a,b\n1,\"open\n").1 == ["2:3: this quoted cell is never closed"])
        #expect(read("").1 == ["1:1: this CSV file is empty"])
    }

    @Test func acceptsAMissingFinalNewlineAndBlankLines() throws {
        let (table, problems) = read("a,b\n\n1,2")
        #expect(problems.isEmpty)
        #expect(try #require(table).rows.map { $0.map(\.text) } == [["1", "2"]])
    }
}
