/// The reader of business plans in `Content/data/`: it claims every file named
/// `business-plan-*.yaml` (one plan a file) and leaves the rest to other readers.
public enum BusinessPlans {
    /// Whether a data file (its name inside data/) is a business plan.
    public static func claims(_ name: String) -> Bool {
        name.hasPrefix("business-plan-") && name.hasSuffix(".yaml") && !name.contains("/")
    }

    /// The plans without errors, newest first; the names of the files read; every problem.
    public static func read(_ files: [String: SourceFile]) -> (plans: [BusinessPlan], used: Set<String>, problems: [Diagnostic]) {
        let names = files.keys.filter(claims).sorted()
        var plans: [BusinessPlan] = []
        var problems: [Diagnostic] = []
        for name in names {
            let (plan, found) = BusinessPlanParser.parse(files[name]!, name: name)
            problems += found
            if let plan { plans.append(plan) }
        }
        return (plans.sorted { $0.year > $1.year }, Set(names), problems)
    }
}
