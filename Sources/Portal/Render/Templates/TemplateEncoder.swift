/// Turns an `Encodable` view model into a `TemplateValue`: structs become objects, arrays
/// lists, nil optionals are left out (so a template looks further out, as Mustache does)
/// and numbers become text. Swift writes the encoding code for each view, so this reads
/// no field by reflection.
enum TemplateEncoder {
    static func encode(_ view: some Encodable) -> TemplateValue {
        let node = Node()
        do {
            try view.encode(to: ValueEncoder(node: node))
        } catch {
            // Nothing below throws: a view model always becomes a value.
            preconditionFailure("a view model could not be encoded: \(error)")
        }
        return node.value ?? .object([])
    }
}

/// A value being built. Containers write plain values into it as they go; only nested
/// containers (which synthesised `Encodable` code does not use) are put in at the end.
private final class Node {
    var leaf: TemplateValue?
    var fields: [TemplateField]?
    var items: [TemplateValue]?
    /// Nested containers, filled after they were handed out: key or index → node.
    var nestedFields: [(String, Node)] = []
    var nestedItems: [(Int, Node)] = []

    init(_ leaf: TemplateValue? = nil) { self.leaf = leaf }

    var value: TemplateValue? {
        if var fields {
            for (key, node) in nestedFields {
                if let value = node.value { fields.append(TemplateField(name: key, value: value)) }
            }
            return .object(fields)
        }
        if var items {
            for (index, node) in nestedItems { items[index] = node.value ?? .object([]) }
            return .list(items)
        }
        return leaf
    }

    /// A nested value: text, flags and numbers directly, others encoded.
    /// Types are compared, not cast: a failed dynamic cast costs more than encoding.
    static func encoding<T: Encodable>(_ value: T) throws -> TemplateValue? {
        if T.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int.self { return .text(String(unsafeBitCast(value, to: Int.self))) }
        let node = Node()
        try value.encode(to: ValueEncoder(node: node))
        return node.value
    }
}

/// The encoder and its containers keep no coding path: nothing reads it, and building one
/// for every nested value was a good part of the encoder's time.
private struct ValueEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil {
            // Room for a view's fields at once: growing from empty took several allocations.
            node.fields = []
            node.fields!.reserveCapacity(8)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    /// Synthesised `Encodable` code gives each key once; a nil (absent optional) is left out.
    private func set(_ value: TemplateValue?, _ key: Key) {
        if let value { node.fields!.append(TemplateField(name: key.stringValue, value: value)) }
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.text(String(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.text(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try Node.encoding(value), key)
    }

    private func nested(_ key: Key) -> Node {
        let child = Node()
        node.nestedFields.append((key.stringValue, child))
        return child
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(node: nested(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(node: nested(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(node: nested(key)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items!.count }

    private func append(_ value: TemplateValue?) { if let value { node.items!.append(value) } }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { append(.flag(value)) }
    mutating func encode(_ value: String) throws { append(.text(value)) }
    mutating func encode(_ value: Int) throws { append(.text(String(value))) }
    mutating func encode(_ value: Double) throws { append(.text(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try Node.encoding(value))
    }

    private func nested() -> Node {
        let child = Node()
        node.nestedItems.append((count, child))
        node.items!.append(.object([]))
        return child
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(node: nested()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(node: nested()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(node: nested()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.leaf = nil }
    mutating func encode(_ value: Bool) throws { node.leaf = .flag(value) }
    mutating func encode(_ value: String) throws { node.leaf = .text(value) }
    mutating func encode(_ value: Int) throws { node.leaf = .text(String(value)) }
    mutating func encode(_ value: Double) throws { node.leaf = .text(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.leaf = try Node.encoding(value) }
}
