/// A parsed YAML value and where it starts in the YAML text: what `FieldReader` reads.
/// `YAMLReader` makes it from Yams' nodes, or straight from the text when the text is
/// plain `name: value` lines (`FlatYAML`), the shape of almost every page's front matter.
struct YAMLNode: Sendable, Equatable {
    /// How a scalar was written: FieldReader treats an empty plain value as missing and
    /// places Markdown inside a block (`|`, `>`) on the lines below its name.
    enum Style: Sendable, Equatable { case plain, quoted, block }

    enum Value: Sendable, Equatable {
        case scalar(String, Style)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    var value: Value
    /// Line and column in the YAML text, from 1; columns count Unicode scalars, as libyaml's do.
    var line: Int
    var column: Int

    var string: String? {
        if case .scalar(let text, _) = value { text } else { nil }
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { items } else { nil }
    }
}

/// One `name: value` pair of a mapping.
struct YAMLEntry: Sendable, Equatable {
    var key: String
    var keyLine: Int
    var keyColumn: Int
    var value: YAMLNode
}
