import Foundation
import Testing

@testable import Portal

/// `[to be added: …]`: what only the board knows, warned about and listed until replaced.
@Suite struct PlaceholderTests {
    @Test func foundWithTheirLinesAndColumns() {
        let file = sourceFile("Café – call [to be added: local number].\nNone here.\n[To Be Added: a name] and [to be added: not closed\n")
        let found = Placeholders.find(in: file)
        #expect(found.map { "\($0.location.line):\($0.location.column) \($0.text)" } == [
            "1:13 to be added: local number", "3:1 To Be Added: a name", "3:27 to be added: not closed",
        ])
        #expect(Placeholders.contains("[to be added: x]") && !Placeholders.contains("to be added") && !Placeholders.contains("[to be"))
    }

    @Test func eachIsAWarningAndAPlaceholderPhoneHasNoLink() throws {
        let site = Scratch([
            "site.yaml": Scratch.siteYAML.replacingOccurrences(
                of: "phone: 01632 960100", with: "phone: \"[to be added: children's services number]\""),
            "about.md": page(title: "About", body: "Our partners are [to be added: partner agencies]."),
            "data/table.csv": "Year,Count\n2026,[to be added: count]\n",
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(located(result.warnings.filter { $0.message.hasPrefix("still a placeholder") }) == [
            "about.md:5:18: still a placeholder: “[to be added: partner agencies]”",
            "data/table.csv:2:6: still a placeholder: “[to be added: count]”",
            "site.yaml:16:13: still a placeholder: “[to be added: children's services number]”",
        ])
        let home = try #require(site.html("/", in: result))
        #expect(home.contains(#"<span class="worried__phone">to be added</span>"#))
        #expect(!home.contains(#"href="tel:""#))
        let report = ContentReport(site: try Build.resolve(site.options()).site, now: Day(iso: "2026-11-21")!)
        #expect(report.placeholders.map(\.text) == [
            "[to be added: partner agencies]", "[to be added: children's services number]", "[to be added: count]",
        ])
        #expect(report.text.contains("Details still to be added"))
    }
}
