import Testing

@testable import Portal

/// Every test of the Mustache specification's required modules (comments, delimiters,
/// interpolation, inverted, partials, sections; ../shared/suites/mustache-spec/), rendered
/// by portal's own engine: themes are written to the specification, so the engine must
/// give exactly the specification's output. The spec's JSON data becomes template values
/// as a view model would: numbers as their text (85 → "85"), null left out.
@Suite struct MustacheSpecTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var module: String
        var name: String
        var template: String
        var data: TemplateValue
        var partials: [String: String]
        var expected: String
        var testDescription: String { "\(module): \(name)" }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    static func cases() throws -> [Case] {
        try modules.flatMap { module -> [Case] in
            guard case .object(let file)? = try JSON.documents(PublicSuites.text("mustache-spec/\(module).json")).first,
                case .array(let tests)? = file.first(where: { $0.key == "tests" })?.value
            else { throw JSON.Malformed(offset: 0) }
            return tests.map { test in
                func field(_ name: String) -> JSON? {
                    guard case .object(let fields) = test else { return nil }
                    return fields.first { $0.key == name }?.value
                }
                func text(_ name: String) -> String {
                    if case .string(let text)? = field(name) { text } else { "" }
                }
                var partials: [String: String] = [:]
                if case .object(let fields)? = field("partials") {
                    for (name, value) in fields { if case .string(let text) = value { partials[name] = text } }
                }
                return Case(
                    module: module, name: text("name"), template: text("template"),
                    data: value(field("data") ?? .null) ?? .object([]), partials: partials, expected: text("expected"))
            }
        }
    }

    /// JSON data as template values; nil for null, which is left out.
    static func value(_ json: JSON) -> TemplateValue? {
        switch json {
        case .null: nil
        case .bool(let flag): .flag(flag)
        case .number(let text), .string(let text): .text(text)
        case .array(let items): .list(items.compactMap(value))
        case .object(let fields): .object(fields.compactMap { key, json in value(json).map { TemplateField(name: key, value: $0) } })
        }
    }

    @Test func everySpecTestIsFound() throws {
        #expect(try Self.cases().count == 136)
    }

    @Test(arguments: try cases())
    func rendersAsTheSpecificationSays(_ spec: Case) {
        let main = "(spec template)"
        var templates: [String: (template: Template, text: String)] = [:]
        for (name, text) in spec.partials.merging([main: spec.template], uniquingKeysWith: { $1 }) {
            let (template, problems) = TemplateParser.parse(text)
            #expect(problems.isEmpty, "\(name) has problems: \(problems)")
            templates[name] = (template, text)
        }
        let output = TemplateLibrary(templates: templates).render(spec.data, template: main)
        #expect(output == spec.expected)
    }
}
