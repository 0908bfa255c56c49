/// Makes the business plan pages: `/publications/business-plans/`, every plan newest first,
/// and a page for each plan with a table of actions for each priority.
public struct BusinessPlanPages: PageGenerator {
    /// Newest first.
    public let plans: [BusinessPlan]
    public static let root = "/publications/business-plans/"

    public init(plans: [BusinessPlan]) {
        self.plans = plans.sorted { $0.year > $1.year }
    }

    static func planURL(_ year: String) -> String { "\(root)\(year)/" }

    public var links: [LinkToCheck] { [] }

    public func files(in site: Site) -> [OutputFile] { [] }

    public func pages(in site: Site) -> [GeneratedPage] {
        [index(site)] + plans.map(page)
    }

    /// The list of plans. A written `publications/business-plans/index.md` may give its
    /// title, summary and an introduction.
    private func index(_ site: Site) -> GeneratedPage {
        let written = site.page(at: Self.root)
        let title = written?.page.title ?? "Business plans"
        let summary = written?.page.summary
            ?? "Each year's business plan: the strategic themes and priorities, and for every action who leads it, how it will be done and by when."
        let items = plans.map {
            ListItemView(title: $0.title, url: Self.planURL($0.year), summary: $0.summary, date: nil, label: "\($0.board) · \($0.year)")
        }
        let view = BusinessPlanListView(title: title, summary: summary, intro: written?.body.html ?? "", plans: items)
        return GeneratedPage(url: Self.root, title: title, summary: summary, template: "business-plans", view: view)
    }

    private func page(_ plan: BusinessPlan) -> GeneratedPage {
        let actions = plan.actions
        let showDue = actions.contains { $0.due != nil }
        let showStatus = actions.contains { $0.status != nil || $0.outcome != nil }
        var notes: [String] = []
        if !actions.contains(where: { $0.status != nil }) {
            notes.append(
                actions.contains { $0.outcome != nil }
                    ? "This plan as published gives no rating for its actions: the Status column shows the outcome reported for each."
                    : "This plan as published gives no rating or outcome for its actions, so the tables have no Status column.")
        }
        if !showDue {
            notes.append("This plan as published gives no target dates, so the tables have no By when column.")
        }
        let themes = plan.themes.map { theme in
            PlanThemeView(
                id: "theme-\(theme.number)", title: "Strategic theme \(theme.number): \(theme.title)",
                priorities: theme.priorities.map { priority in
                    PlanPriorityView(
                        id: "priority-\(slug(priority.ref))", title: "Priority \(priority.ref): \(priority.title)",
                        caption: "Actions for priority \(priority.ref)", showDue: showDue, showStatus: showStatus,
                        actions: priority.actions.map { action in
                            PlanActionView(
                                ref: action.ref, action: action.action, lead: action.lead, how: action.how, due: action.due,
                                status: action.status.map { PlanStatusView(id: $0.rawValue, text: $0.title) },
                                outcome: action.outcome)
                        })
                })
        }
        let contents = [ContentsEntryView(text: "How to read this plan", id: "how-to-read", children: [])]
            + themes.map { ContentsEntryView(text: $0.title, id: $0.id, children: []) }
        let view = BusinessPlanView(
            title: plan.title, summary: plan.summary,
            facts: [
                FactView(label: "Board", text: plan.board),
                FactView(label: "Period", text: "\(plan.year) (\(plan.periodText))"),
                FactView(label: "Source", text: plan.source),
            ],
            contents: contents, progressNote: plan.progressNote,
            key: BusinessPlan.Status.allCases.map { PlanKeyView(id: $0.rawValue, text: $0.title, meaning: $0.meaning) },
            keyNote: notes.isEmpty ? nil : notes.joined(separator: " "), themes: themes, listURL: Self.root)
        return GeneratedPage(url: Self.planURL(plan.year), title: plan.title, summary: plan.summary, template: "business-plan", view: view)
    }
}
