/// What a template sees: text, flags, lists and named fields. View models (typed,
/// `Encodable` structs) are turned into these once per page by `TemplateEncoder`, so
/// rendering is lookups in plain values, with no reflection or casts.
public indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Whether a section `{{#name}}` shows: not for false, an empty list or empty text.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// The field `name` of an object; nothing for other values.
    func field(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

/// A view model a template can show: its stored properties, by name.
public typealias TemplateView = Encodable & Sendable
