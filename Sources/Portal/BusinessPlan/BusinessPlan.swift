/// One board's business plan for one year, as published: strategic themes, the priorities
/// of each, and the actions of each priority, with who leads them, how and by when.
/// Read from `Content/data/business-plan-YYYY-YY.yaml`.
public struct BusinessPlan: Sendable {
    public var title: String
    /// The plan year, `2013-14`.
    public var year: String
    /// Whose plan it is, e.g. `Northmoor LSCB`.
    public var board: String
    public var summary: String
    /// Where the plan comes from, e.g. an appendix of an annual report.
    public var source: String
    /// How the board checks the plan's progress, in the board's words (`progress_note`),
    /// shown where the page says how to read the plan; nil if the plan does not say.
    public var progressNote: String? = nil
    public var themes: [Theme]

    public struct Theme: Sendable {
        public var number: Int
        public var title: String
        public var priorities: [Priority]
    }

    public struct Priority: Sendable {
        /// `1.2`: the theme's number, a full stop, the priority's number.
        public var ref: String
        public var title: String
        public var actions: [Action]
    }

    public struct Action: Sendable {
        /// `1.2.3`: the priority's reference, a full stop, the action's number.
        public var ref: String
        public var action: String
        /// A role, never a person's name.
        public var lead: String
        public var how: String
        /// As written in the plan: `March 2014`, `May 2013 ongoing`.
        public var due: String?
        public var status: Status?
        /// What was reported at the end of the year.
        public var outcome: String?
    }

    /// The board's RAG rating of an action's progress, or whether it is done or not begun.
    public enum Status: String, CaseIterable, Sendable {
        case green, amber, red, complete, notStarted = "not-started"

        /// Always in words, so the colour is never the only sign.
        public var title: String {
            switch self {
            case .green: "On track (green)"
            case .amber: "Some concerns (amber)"
            case .red: "Off track (red)"
            case .complete: "Complete"
            case .notStarted: "Not started"
            }
        }

        public var meaning: String {
            switch self {
            case .green: "The action is on course to be done by its date."
            case .amber: "There are some concerns: the action may be late or need more work."
            case .red: "The action is late or at risk, and the board is asked to act."
            case .complete: "The action has been done."
            case .notStarted: "Work on the action has not begun yet."
            }
        }
    }

    public var actions: [Action] { themes.flatMap { $0.priorities.flatMap(\.actions) } }

    /// `April 2013 to March 2014`: a plan year runs from April to March.
    public var periodText: String {
        let first = Int(year.prefix(4)) ?? 0
        return "April \(first) to March \(first + 1)"
    }
}
