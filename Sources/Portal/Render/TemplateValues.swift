/// View models turned into dictionaries and arrays before rendering. swift-mustache reads
/// a struct's fields by reflection at every lookup, which made rendering most of a build's
/// time; reading each struct once here, and dictionaries after, is several times faster.
/// Views stay typed structs; templates see the same names.
enum TemplateValues {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let list as [Any]: return list.compactMap(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        default:
            return value
        }
    }
}
