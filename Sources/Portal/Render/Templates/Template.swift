/// A Mustache template, parsed once. It follows the Mustache specification (variables,
/// sections, inverted sections, comments, partials, set delimiters, standalone lines)
/// plus a few functions a section can apply to a value, e.g. `{{^empty(list)}}`.
public struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Each `{{> name}}` this template includes, with the indentation of a standalone tag.
    let includes: [PartialInclude]
}

struct PartialInclude: Sendable {
    var name: String
    var indentation: String
    /// Where the tag is, for problems about it.
    var line: Int
    var column: Int
}

enum TemplateNode: Sendable {
    /// Text as it is written, in UTF-8: copied into the output as bytes.
    case text([UInt8])
    case value(TemplatePath, escaped: Bool)
    case section(TemplatePath, inverted: Bool, body: [TemplateNode])
    case partial(name: String, indentation: String)
}

/// A name in a tag: `title`, `page.title`, `.`, or with functions, `empty(items)`.
struct TemplatePath: Sendable {
    /// Dotted parts; empty for `.` (the current value).
    var names: [String]
    /// Functions to apply, innermost first.
    var functions: [TemplateFunction]
    /// Written as `first()`: about the current item of the list being shown.
    var aboutItem: Bool
}

/// Functions a tag can apply: `{{#empty(list)}}`, `{{count(list)}}`, `{{uppercased(name)}}`,
/// and, on their own inside a list, `{{#first()}}`, `{{#last()}}`, `{{index()}}`, `{{#even()}}`, `{{#odd()}}`.
enum TemplateFunction: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, uppercased, lowercased, capitalized, index, even, odd
}

/// A template that could not be read, at its line and column (from 1).
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
    var hint: String
}
