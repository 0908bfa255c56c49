/// View models of the business plan pages; property names are what the templates use.

/// A status in words, with the id of its colour: `tag--amber`.
struct PlanStatusView: TemplateView {
    var id: String
    var text: String
}

/// One line of the key above the tables: a status and what it means.
struct PlanKeyView: TemplateView {
    var id: String
    var text: String
    var meaning: String
}

struct PlanActionView: TemplateView {
    var ref: String
    var action: String
    var lead: String
    var how: String
    var due: String?
    var status: PlanStatusView?
    var outcome: String?
}

/// One priority: its heading and its table of actions. `showDue` and `showStatus` are the
/// same for every table of a plan: a column is left out when the whole plan has nothing
/// to put in it.
struct PlanPriorityView: TemplateView {
    var id: String
    var title: String
    var caption: String
    var showDue: Bool
    var showStatus: Bool
    var actions: [PlanActionView]
}

struct PlanThemeView: TemplateView {
    var id: String
    var title: String
    var priorities: [PlanPriorityView]
}

/// One plan: `business-plan.mustache`.
struct BusinessPlanView: TemplateView {
    var title: String
    var summary: String
    var facts: [FactView]
    var contents: [ContentsEntryView]
    /// How the board checks progress, from the plan's `progress_note`.
    var progressNote: String?
    var key: [PlanKeyView]
    /// Why a column is missing, if one is.
    var keyNote: String?
    var themes: [PlanThemeView]
    var listURL: String
}

/// Every plan, newest first: `business-plans.mustache`.
struct BusinessPlanListView: TemplateView {
    var title: String
    var summary: String
    var intro: String
    var plans: [ListItemView]
}
