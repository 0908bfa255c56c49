import Foundation
import Testing

@testable import Portal

@Suite struct TableTests {
    /// The Havering child protection table exactly as published (000:763–771, BRIEF §6.1):
    /// its Unborn total says 2 where the rows give 1, and its total row adds up to 122, not 121.
    static let asPublished = try! String(
        contentsOfFile: "\(Repo.fixtures)/tables/havering-cp-plans-as-published.csv", encoding: .utf8)

    func scratch(csv: String, block: String) -> Scratch {
        Scratch([
            "data/cp.csv": csv,
            "report.md": page(title: "Report", body: "Intro.\n\n```table\n\(block)\n```\n"),
        ])
    }

    @Test func thePublishedTableThatDoesNotAddUpFailsClearly() {
        let site = scratch(csv: Self.asPublished, block: "file: cp.csv\ncaption: Children with a plan")
        defer { site.remove() }
        let problems = site.problems()
        #expect(located(problems) == [
            "data/cp.csv:6:16: the total in the column “Unborn” is 2, but the rows above add up to 1",
            "data/cp.csv:6:31: the row “Total children” has the total 121, but its figures add up to 122",
        ])
        #expect(problems.allSatisfy { $0.hint?.isEmpty == false })
    }

    @Test func rendersAnAccessibleTable() throws {
        let csv = "Category,2011-12,2012-13,Total\nNeglect,\"1,200\",£30,\"1,230\"\nPhysical,5,–,5\nTotal,\"1,205\",30,\"1,235\"\n"
        let site = scratch(csv: csv, block: "file: cp.csv\ncaption: Plans by year\nsource: A test.")
        defer { site.remove() }
        let result = try site.build()
        #expect(result.warnings.isEmpty)
        let html = try #require(site.html("/report/", in: result))
        #expect(html.contains("<caption class=\"table__caption\">Plans by year</caption>"))
        #expect(html.contains("<th scope=\"col\" class=\"numeric\">2011-12</th>"))
        #expect(html.contains("<th scope=\"row\" data-label=\"Category\">Neglect</th><td data-label=\"2011-12\" class=\"numeric\">1,200</td>"))
        #expect(html.contains("<tfoot>\n<tr class=\"table__total\"><th scope=\"row\" data-label=\"Category\">Total</th>"))
        #expect(html.contains("Source: A test."))
        #expect(!html.contains("```"))
    }

    @Test func addsComputedTotalsWhenAsked() throws {
        let csv = "Category,Unborn,Older,Total\nA,0,27,27\nB,1,4,5\n"
        let site = scratch(csv: csv, block: "file: cp.csv\ncaption: C\nadd_total: true")
        defer { site.remove() }
        let html = try #require(site.html("/report/", in: try site.build()))
        #expect(html.contains("<th scope=\"row\" data-label=\"Category\">Total</th><td data-label=\"Unborn\" class=\"numeric\">1</td><td data-label=\"Older\" class=\"numeric\">31</td><td data-label=\"Total\" class=\"numeric\">32</td>"))
    }

    /// Totals are written as their column writes its figures: £, grouped thousands, pence.
    @Test func totalsAreWrittenLikeTheirColumn() throws {
        let money = "Item,Cost,Count\nA,\"£100,000.50\",1200\nB,\"£56,433.66\",34\n"
        let site = scratch(csv: money + "Total,\"£156,434.00\",1234\n", block: "file: cp.csv\ncaption: C")
        defer { site.remove() }
        #expect(located(site.problems()) == ["data/cp.csv:4:7: the total in the column “Cost” is £156,434.00, but the rows above add up to £156,434.16"])
        let added = scratch(csv: money, block: "file: cp.csv\ncaption: C\nadd_total: true")
        defer { added.remove() }
        let html = try #require(added.html("/report/", in: try added.build()))
        #expect(html.contains(#"<td data-label="Cost" class="numeric">£156,434.16</td><td data-label="Count" class="numeric">1234</td>"#))
        let small = scratch(csv: "Item,Cases\nA,450\nB,800\n", block: "file: cp.csv\ncaption: C\nadd_total: true")
        defer { small.remove() }
        #expect(try #require(small.html("/report/", in: try small.build())).contains(#"class="numeric">1,250</td>"#))
        #expect(TableTotals.format(-1234.5, decimals: 2, grouped: true, prefix: "£") == "-£1,234.50")
        #expect(TableTotals.format(1_234_567, decimals: 0, grouped: true) == "1,234,567")
    }

    @Test func badTablesAreLocatedErrors() {
        let ragged = scratch(csv: "A,B\nx,1\ny\n", block: "file: cp.csv\ncaption: C")
        defer { ragged.remove() }
        #expect(located(ragged.problems()) == ["data/cp.csv:3:1: this row has 1 cell, but the first line names 2 columns"])

        let word = scratch(csv: "A,B\nx,1\ny,l2\n", block: "file: cp.csv\ncaption: C")
        defer { word.remove() }
        #expect(located(word.problems()) == ["data/cp.csv:3:3: “l2” in the column “B” is not a number"])

        let text = scratch(csv: "A,B\nx,words are fine here\n", block: "file: cp.csv\ncaption: C\nnumeric: none")
        defer { text.remove() }
        #expect(located(text.problems()).isEmpty)

        let missing = scratch(csv: "A,B\n", block: "file: cp-2013.csv\ncaption: C")
        defer { missing.remove() }
        #expect(located(missing.problems()) == [
            "data/cp.csv:0:0: this data file is not used",
            "report.md:8:7: there is no file data/cp-2013.csv",
        ])

        let noCaption = scratch(csv: "A,B\nx,1\n", block: "file: cp.csv\nnumeric: [B, C]")
        defer { noCaption.remove() }
        #expect(located(noCaption.problems()) == ["report.md:8:1: `caption` is missing from the table starting here"])
        let badColumn = scratch(csv: "A,B\nx,1\n", block: "file: cp.csv\ncaption: C\nnumeric: [B, C]")
        defer { badColumn.remove() }
        #expect(located(badColumn.problems()) == ["report.md:10:10: the table has no column “C”"])
    }
}
