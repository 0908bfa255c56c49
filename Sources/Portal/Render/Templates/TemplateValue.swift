/// What a template sees: text, flags, lists and named fields. View models (typed,
/// `Encodable` structs) are turned into these once per page by `TemplateEncoder`, so
/// rendering is lookups in plain values, with no reflection or casts.
///
/// Not `indirect`: lists and objects keep their values in their own storage already, and
/// boxing every text besides cost an allocation per value. An object's fields are a short
/// list, looked up by comparing names: view models have a dozen fields at most, and
/// comparing short names is cheaper than hashing them.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([TemplateField])

    /// Whether a section `{{#name}}` shows: not for false, an empty list or empty text.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// Objects are equal when they have the same names with equal values, in any order.
    public static func == (left: TemplateValue, right: TemplateValue) -> Bool {
        switch (left, right) {
        case let (.text(a), .text(b)): a == b
        case let (.flag(a), .flag(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && a.allSatisfy { right.field($0.name) == $0.value }
        default: false
        }
    }

    /// The field `name` of an object; nothing for other values.
    func field(_ name: String) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        // By index: a `for field in fields` loop copies (and retains) every field it passes.
        // Lengths first: most names differ in length, and comparing those is one instruction.
        let length = name.utf8.count
        var index = fields.startIndex
        while index < fields.endIndex {
            if fields[index].name.utf8.count == length, fields[index].name == name { return fields[index].value }
            index += 1
        }
        return nil
    }
}

/// A named value of an object, each name once.
public struct TemplateField: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
}

/// A view model a template can show: its stored properties, by name.
public protocol TemplateView: Encodable, Sendable {
    /// The view as template values. By default through its `Encodable` conformance;
    /// the views of every page write it by hand (`ViewValues.swift`), to the same values.
    var templateValue: TemplateValue { get }
}

extension TemplateView {
    public var templateValue: TemplateValue { TemplateEncoder.encode(self) }
}

extension TemplateValue {
    /// An object of named values, leaving out nil ones as the encoder leaves out nil optionals.
    static func fields(_ pairs: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var fields: [TemplateField] = []
        fields.reserveCapacity(pairs.count)
        for (name, value) in pairs {
            if let value { fields.append(TemplateField(name: name, value: value)) }
        }
        return .object(fields)
    }

    static func list(_ views: [some TemplateView]) -> TemplateValue { .list(views.map(\.templateValue)) }
}
