import Foundation
import Testing

@testable import Portal

/// A small, valid business plan using every field; each test breaks one thing.
enum PlanData {
    static let plan = """
        title: Business plan 2013-14
        year: 2013-14
        board: Test LSCB
        summary: What the board will do this year.
        source: The test annual report, Appendix 4.
        themes:
          - number: 1
            title: The best start in life
            priorities:
              - ref: "1.1"
                title: Early help for families
                actions:
                  - ref: "1.1.1"
                    action: Scrutinise early intervention services
                    lead: Head of Early Help
                    how: Twice yearly reports to the Board
                    due: March 2014
                    status: green
                  - ref: "1.1.2"
                    action: Train professionals in early help
                    lead: Chair of Learning and Improvement Group
                    how: Courses in the training plan
                    due: May 2013 ongoing
                    status: amber
                    outcome: Two courses held
          - number: 2
            title: Safe and well
            priorities:
              - ref: "2.1"
                title: Child protection
                actions:
                  - ref: "2.1.1"
                    action: Publish a threshold document
                    lead: LSCB Executive
                    how: Produce it for the October Board
                    due: October 2013
                    status: red
                  - ref: "2.1.2"
                    action: Review the MASH
                    lead: Deputy Director
                    how: A report to the Board
                    status: complete
                  - ref: "2.1.3"
                    action: Audit looked after children's cases
                    lead: MIC Chair
                    how: An audit programme
                    due: March 2014
                    status: not-started

        """

    static let older = """
        title: Business plan 2012-13
        year: 2012-13
        board: Test LSCB
        summary: What the board did last year.
        source: The test annual report, Appendix 3.
        themes:
          - number: 1
            title: The best start in life
            priorities:
              - ref: "1.1"
                title: Early help
                actions:
                  - ref: "1.1.1"
                    action: Receive reports on early intervention
                    lead: Deputy Managing Director
                    how: Report to the LSCB
                    outcome: Reported to July and November 2012 Board

        """

    static func files(replacing text: String? = nil) -> [String: String] {
        ["data/business-plan-2013-14.yaml": text ?? plan, "data/business-plan-2012-13.yaml": older]
    }
}

@Suite struct BusinessPlanTests {
    @Test func readsEveryField() throws {
        let files = [
            "business-plan-2013-14.yaml": sourceFile(PlanData.plan, path: "Content/data/business-plan-2013-14.yaml"),
            "business-plan-2012-13.yaml": sourceFile(PlanData.older, path: "Content/data/business-plan-2012-13.yaml"),
            "levels.txt": sourceFile("not a plan", path: "Content/data/levels.txt"),
        ]
        let (plans, used, problems) = BusinessPlans.read(files)
        #expect(problems.isEmpty, "\(DiagnosticFormatter().report(problems))")
        #expect(used == ["business-plan-2013-14.yaml", "business-plan-2012-13.yaml"])
        #expect(plans.map(\.year) == ["2013-14", "2012-13"], "newest first")
        let plan = try #require(plans.first)
        #expect(plan.title == "Business plan 2013-14")
        #expect(plan.board == "Test LSCB")
        #expect(plan.summary == "What the board will do this year.")
        #expect(plan.source == "The test annual report, Appendix 4.")
        #expect(plan.periodText == "April 2013 to March 2014")
        #expect(plan.themes.map(\.number) == [1, 2])
        #expect(plan.themes.map(\.title) == ["The best start in life", "Safe and well"])
        #expect(plan.themes[0].priorities.map(\.ref) == ["1.1"])
        #expect(plan.themes[0].priorities[0].title == "Early help for families")
        #expect(plan.actions.map(\.ref) == ["1.1.1", "1.1.2", "2.1.1", "2.1.2", "2.1.3"])
        let first = plan.actions[1]
        #expect(first.action == "Train professionals in early help")
        #expect(first.lead == "Chair of Learning and Improvement Group")
        #expect(first.how == "Courses in the training plan")
        #expect(first.due == "May 2013 ongoing")
        #expect(first.status == .amber)
        #expect(first.outcome == "Two courses held")
        #expect(plan.actions.map(\.status) == [.green, .amber, .red, .complete, .notStarted])
        #expect(plan.actions[3].due == nil)
        #expect(plan.actions[0].outcome == nil)
        #expect(plans[1].actions[0].outcome == "Reported to July and November 2012 Board")
        #expect(plans[1].actions[0].status == nil)
    }

    static let badPlans: [BadPlan] = [
        BadPlan("lead: Head of Early Help\n            ", "",
                "business-plan-2013-14.yaml:13:13: `lead` is missing from the entry of `actions` starting here"),
        BadPlan("title: Business plan 2013-14\n", "",
                "business-plan-2013-14.yaml:1:1: `title` is missing from the business plan starting here"),
        BadPlan("how: Produce it for the October Board", "how:",
                "business-plan-2013-14.yaml:35:13: `how` is empty"),
        BadPlan("- ref: \"2.1.2\"", "- ref: \"2.1.1\"",
                "business-plan-2013-14.yaml:38:18: the reference 2.1.1 is already used by the action on line 32"),
        BadPlan("- ref: \"1.1.2\"", "- ref: \"1.2.2\"",
                "business-plan-2013-14.yaml:19:18: the reference 1.2.2 must start with “1.1.”, as it is under priority 1.1"),
        BadPlan("- ref: \"1.1.2\"", "- ref: \"1.1.\"",
                "business-plan-2013-14.yaml:19:18: the reference 1.1. must start with “1.1.”, as it is under priority 1.1"),
        // A priority under the wrong theme is one error, not one more for each of its actions.
        BadPlan("- ref: \"2.1\"", "- ref: \"1.2\"",
                "business-plan-2013-14.yaml:29:14: the reference 1.2 must start with “2.”, as it is under strategic theme 2"),
        BadPlan("- number: 2", "- number: 1",
                "business-plan-2013-14.yaml:26:13: strategic theme 1 is already on line 7"),
        BadPlan("- number: 2", "- number: two",
                "business-plan-2013-14.yaml:26:13: `number` must be a whole number of at least 1, not “two”"),
        BadPlan("status: amber", "status: yellow",
                "business-plan-2013-14.yaml:24:21: `status` must be one of green, amber, red, complete, not-started, not “yellow”"),
        BadPlan("year: 2013-14", "year: 2013/14",
                "business-plan-2013-14.yaml:2:7: `year` must be a plan year like 2013-14, not “2013/14”"),
        BadPlan("year: 2013-14", "year: 2014-15",
                "business-plan-2013-14.yaml:2:7: `year` is 2014-15, but the file is named business-plan-2013-14.yaml"),
        BadPlan("action: Publish a threshold document", "action: Publish a **threshold** document",
                "business-plan-2013-14.yaml:33:21: `action` is shown as plain text, so it cannot hold Markdown or HTML (“**”)"),
        BadPlan("how: A report to the Board", "how: A report to the <b>Board</b>",
                "business-plan-2013-14.yaml:41:18: `how` is shown as plain text, so it cannot hold Markdown or HTML (“<b>”)"),
        BadPlan("lead: LSCB Executive", "lead: The [LSCB Executive](/about/)",
                "business-plan-2013-14.yaml:34:19: `lead` is shown as plain text, so it cannot hold Markdown or HTML (“](”)"),
        BadPlan("title: Early help for families\n        actions:", "title: Early help for families\n        actions: []\n        old:",
                "business-plan-2013-14.yaml:12:18: `actions` needs at least one action",
                "business-plan-2013-14.yaml:13:9: `old` is not a field of a priority; it is ignored"),
        BadPlan("    title: Early help for families", "    title: [Early, help]",
                "business-plan-2013-14.yaml:11:16: `title` must be a single piece of text"),
        BadPlan("due: March 2014\n            status: green", "deadline: March 2014\n            status: green",
                "business-plan-2013-14.yaml:17:13: `deadline` is not a field of an action; it is ignored"),
        BadPlan("title: Business plan 2013-14\n", "title: Business plan 2013-14\nsummary: Again.\n",
                "business-plan-2013-14.yaml:5:1: `summary` is given more than once"),
    ]

    @Test(arguments: badPlans)
    func badPlanIsALocatedProblem(_ bad: BadPlan) {
        let scratch = Scratch(PlanData.files(replacing: bad.text))
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == bad.expected.map { "data/" + $0 }, "\(DiagnosticFormatter().report(problems))")
        #expect(problems.allSatisfy { $0.hint != nil }, "every problem says what to do")
    }

    @Test func aPlanThatIsNotAMappingOrHasNoThemes() {
        let list = Scratch(PlanData.files(replacing: "- title: A plan\n"))
        defer { list.remove() }
        #expect(located(list.problems()) == ["data/business-plan-2013-14.yaml:1:1: the business plan must be `name: value` lines"])
        let empty = Scratch(PlanData.files(replacing: PlanData.plan.components(separatedBy: "themes:")[0] + "themes: []\n"))
        defer { empty.remove() }
        #expect(located(empty.problems()) == ["data/business-plan-2013-14.yaml:6:9: `themes` needs at least one strategic theme"])
    }

    @Test func onlyBusinessPlanFilesAreClaimed() {
        #expect(BusinessPlans.claims("business-plan-2013-14.yaml"))
        #expect(!BusinessPlans.claims("business-plan-2013-14.yml"))
        #expect(!BusinessPlans.claims("business-plans.yaml"))
        #expect(!BusinessPlans.claims("old/business-plan-2013-14.yaml"))
        let scratch = Scratch(PlanData.files().merging(["data/business-plans.yaml": PlanData.plan]) { $1 })
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == ["data/business-plans.yaml:0:0: this data file is not used"])
    }

    @Test func plansAreListedNewestFirst() throws {
        let scratch = Scratch(PlanData.files())
        defer { scratch.remove() }
        let result = try scratch.build()
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        let html = try #require(scratch.html("/publications/business-plans/", in: result))
        #expect(html.contains("<h1 class=\"heading-xl\">Business plans</h1>"))
        let links = attributeValues(in: html, names: ["href"]).filter { $0.hasPrefix("/publications/business-plans/20") }
        #expect(links == ["/publications/business-plans/2013-14/", "/publications/business-plans/2012-13/"])
        #expect(html.contains("Test LSCB · 2013-14"))
        #expect(html.contains("What the board did last year."))
        let breadcrumbs = try #require(scratch.html("/publications/business-plans/2013-14/", in: result))
            .components(separatedBy: "aria-label=\"Breadcrumb\"")[1].components(separatedBy: "</nav>")[0]
        #expect(breadcrumbs.contains("href=\"/publications/business-plans/\""))
    }

    @Test func aPlanPageHasATablePerPriority() throws {
        let scratch = Scratch(PlanData.files())
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = try #require(scratch.html("/publications/business-plans/2013-14/", in: result))
        let main = html.components(separatedBy: "<main")[1].components(separatedBy: "</main>")[0]
        #expect(main.contains("<h1 class=\"heading-xl\">Business plan 2013-14</h1>"))
        #expect(main.contains("<p class=\"lead\">What the board will do this year.</p>"))
        for (label, value) in [("Board", "Test LSCB"), ("Period", "2013-14 (April 2013 to March 2014)"), ("Source", "The test annual report, Appendix 4.")] {
            #expect(main.contains("<dt class=\"summary-list__key\">\(label)</dt>\n<dd class=\"summary-list__value\">\(value)</dd>"))
        }
        #expect(main.contains("<h2 class=\"heading-l\" id=\"theme-1\">Strategic theme 1: The best start in life</h2>"))
        #expect(main.contains("<h3 id=\"priority-1-1\">Priority 1.1: Early help for families</h3>"))
        #expect(main.contains("<h3 id=\"priority-2-1\">Priority 2.1: Child protection</h3>"))
        #expect(main.contains("<a href=\"#theme-2\">Strategic theme 2: Safe and well</a>"), "a contents list of themes")

        let tables = main.components(separatedBy: "<table").dropFirst()
        #expect(tables.count == 2, "one table per priority")
        let header = """
            <tr><th scope="col">Reference</th><th scope="col">Action</th><th scope="col">Lead</th>\
            <th scope="col">How this will be achieved</th><th scope="col">By when</th><th scope="col">Status</th></tr>
            """
        for table in tables {
            #expect(table.hasPrefix(" class=\"table table--responsive plan-table\">"))
            #expect(table.contains(header))
            // Every cell is labelled for phones, where each row becomes a block.
            #expect(table.components(separatedBy: "<td").count == table.components(separatedBy: "<td data-label=\"").count)
        }
        #expect(tables.first!.contains("<caption class=\"table__caption\">Actions for priority 1.1</caption>"))
        #expect(main.contains("""
            <th scope="row" data-label="Reference">1.1.2</th>
            <td data-label="Action">Train professionals in early help</td>
            <td data-label="Lead">Chair of Learning and Improvement Group</td>
            <td data-label="How this will be achieved">Courses in the training plan</td>\
            <td data-label="By when">May 2013 ongoing</td>\
            <td data-label="Status"><strong class="tag tag--amber">Some concerns (amber)</strong>\
            <span class="plan-table__outcome">Two courses held</span></td>
            """))
        // Statuses are words as well as colours.
        for (id, text) in [("green", "On track (green)"), ("amber", "Some concerns (amber)"), ("red", "Off track (red)"),
                           ("complete", "Complete"), ("not-started", "Not started")] {
            let tag = "<strong class=\"tag tag--\(id)\">\(text)</strong>"
            #expect(tables.joined().contains(tag), "\(text) in a table")
            #expect(main.components(separatedBy: "<table")[0].contains(tag), "\(text) in the key above the tables")
        }
        #expect(main.contains("<td data-label=\"By when\"><span class=\"secondary-text\">Not stated</span></td>"))
        // How progress is checked is the board's to say: this plan does not, so nothing is said.
        #expect(main.contains("""
            <p class="prose">Each strategic theme has its priorities, and each priority a table of actions: \
            who leads the action, how it will be done and by when. \
            The status is always written in words as well as shown in colour:</p>
            """))
        #expect(!main.contains("class=\"inset\""), "no note about missing columns when every column has something")
        #expect(main.components(separatedBy: "<h1").count == 2)
    }

    /// `progress_note`: how the board checks the plan, in its own words, where the page
    /// says how to read the plan; plain text, like every field shown as written.
    @Test func aPlanSaysHowTheBoardChecksProgressOnlyIfItsDataDoes() throws {
        let note = "The board reviews the plan every quarter, rating each action red, amber or green."
        let scratch = Scratch(PlanData.files(replacing: PlanData.plan.replacingOccurrences(
            of: "source: The test annual report, Appendix 4.\n",
            with: "source: The test annual report, Appendix 4.\nprogress_note: \(note)\n")))
        defer { scratch.remove() }
        let result = try scratch.build()
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        let html = try #require(scratch.html("/publications/business-plans/2013-14/", in: result))
        #expect(html.contains("how it will be done and by when. \(note) The status is always written in words"))
        let older = try #require(scratch.html("/publications/business-plans/2012-13/", in: result))
        #expect(!older.contains(note) && !older.contains("The board checks"))

        let marked = Scratch(PlanData.files(replacing: PlanData.plan.replacingOccurrences(
            of: "source: The test annual report, Appendix 4.\n",
            with: "source: The test annual report, Appendix 4.\nprogress_note: Checked **every** meeting.\n")))
        defer { marked.remove() }
        #expect(located(marked.problems()) == [
            "data/business-plan-2013-14.yaml:6:16: `progress_note` is shown as plain text, so it cannot hold Markdown or HTML (“**”)",
        ])
    }

    @Test func columnsWithNothingInThemAreLeftOut() throws {
        let scratch = Scratch(PlanData.files())
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = try #require(scratch.html("/publications/business-plans/2012-13/", in: result))
        #expect(!html.contains("By when</th>"))
        #expect(html.contains("<th scope=\"col\">Status</th>"))
        #expect(html.contains("<td data-label=\"Status\"><span class=\"plan-table__outcome\">Reported to July and November 2012 Board</span></td>"))
        #expect(html.contains("gives no target dates, so the tables have no By when column"))
        #expect(html.contains("the Status column shows the outcome reported for each"))
    }

    @Test func theBundledPlansBuildCleanly() throws {
        let result: BuildResult
        do {
            result = try Build.generate(BuildOptions(
                content: Repo.content, theme: Repo.theme, output: "\(Repo.root)/Site", now: Day(iso: "2026-11-21")!))
        } catch {
            Issue.record("the portal does not build:\n\(DiagnosticFormatter().report(error.diagnostics))")
            return
        }
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        func page(_ url: String) -> String? {
            result.files.first { $0.path == URLMapping.outputPath(for: url) }.map { String(decoding: $0.contents, as: UTF8.self) }
        }
        let index = try #require(page("/publications/business-plans/"))
        let links = attributeValues(in: index, names: ["href"]).filter { $0.hasPrefix("/publications/business-plans/20") }
        #expect(links == ["/publications/business-plans/2013-14/", "/publications/business-plans/2012-13/"])

        var files: [String: SourceFile] = [:]
        for name in ["business-plan-2012-13.yaml", "business-plan-2013-14.yaml"] {
            files[name] = try SourceTree.read(root: Repo.content, relativePath: "data/\(name)", displayRoot: "Content").get()
        }
        let (plans, _, problems) = BusinessPlans.read(files)
        #expect(problems.isEmpty)
        let (current, previous) = (try #require(plans.first), try #require(plans.last))
        #expect(current.board == "Redbridge LSCB" && previous.board == "Redbridge LSCB")
        #expect(current.progressNote?.contains("RAG rating") == true)
        #expect(current.source.contains("Redbridge") && current.source.contains("stops after action 3.3.2"))
        #expect(current.actions.count == 41)
        #expect(current.actions.last?.ref == "3.3.2", "the published 2013/14 plan stops after 3.3.2")
        #expect(current.actions.first { $0.ref == "2.1.2" }?.due == "July 2013 and January 2014")
        #expect(previous.actions.count == 40)
        #expect(previous.actions.allSatisfy { $0.outcome != nil && $0.due == nil })
        #expect(previous.actions.first { $0.ref == "2.1.5" }?.outcome == "To be carried forward to Business Plan 13/14")
        // The source gives no RAG rating, so none is made up.
        #expect((current.actions + previous.actions).allSatisfy { $0.status == nil })
        let html = try #require(page("/publications/business-plans/2013-14/"))
        #expect(html.contains("<th scope=\"row\" data-label=\"Reference\">3.3.2</th>"))
        #expect(html.contains("Strategic theme 3: Continue to develop the role and effectiveness of the LSCB in delivering outcomes for children"))
    }
}

/// One broken business plan and the problems it must give, in report order.
struct BadPlan: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: [String]

    init(_ find: String, _ replace: String, _ expected: String...) {
        precondition(PlanData.plan.contains(find), "the test's text to replace is not in the plan: \(find)")
        self.text = PlanData.plan.replacingOccurrences(of: find, with: replace)
        self.expected = expected
    }

    var testDescription: String { expected.joined(separator: "; ") }
}
