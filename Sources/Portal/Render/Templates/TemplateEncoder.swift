/// Turns an `Encodable` view model into a `TemplateValue`: structs become objects, arrays
/// lists, nil optionals are left out (so a template looks further out, as Mustache does)
/// and numbers become text. Swift writes the encoding code for each view, so this reads
/// no field by reflection.
enum TemplateEncoder {
    static func encode(_ view: some Encodable) -> TemplateValue {
        let node = Node()
        do {
            try view.encode(to: ValueEncoder(node: node, codingPath: []))
        } catch {
            // Nothing below throws: a view model always becomes a value.
            preconditionFailure("a view model could not be encoded: \(error)")
        }
        return node.value ?? .object([:])
    }
}

/// A value being built: filled in by the containers, read when encoding ends.
private final class Node {
    var leaf: TemplateValue?
    var fields: [String: Node]?
    var items: [Node]?

    init(_ leaf: TemplateValue? = nil) { self.leaf = leaf }

    var value: TemplateValue? {
        if let fields { return .object(fields.compactMapValues(\.value)) }
        if let items { return .list(items.compactMap(\.value)) }
        return leaf
    }

    /// A node for a nested value: text, flags and numbers directly, others encoded.
    static func encoding(_ value: some Encodable, at path: [any CodingKey]) throws -> Node {
        switch value {
        case let text as String: return Node(.text(text))
        case let flag as Bool: return Node(.flag(flag))
        case let number as Int: return Node(.text(String(number)))
        default:
            let node = Node()
            try value.encode(to: ValueEncoder(node: node, codingPath: path))
            return node
        }
    }
}

private struct ValueEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func set(_ value: TemplateValue, _ key: Key) { node.fields![key.stringValue] = Node(value) }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.text(String(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.text(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.fields![key.stringValue] = try Node.encoding(value, at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.fields = [:]
        node.fields![key.stringValue] = child
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        child.items = []
        node.fields![key.stringValue] = child
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.fields![key.stringValue] = child
        return ValueEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.items!.count }

    private func append(_ child: Node) { node.items!.append(child) }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { append(Node(.flag(value))) }
    mutating func encode(_ value: String) throws { append(Node(.text(value))) }
    mutating func encode(_ value: Int) throws { append(Node(.text(String(value)))) }
    mutating func encode(_ value: Double) throws { append(Node(.text(String(value)))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try Node.encoding(value, at: codingPath + [IndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.fields = [:]
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [IndexKey(count - 1)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        child.items = []
        append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [IndexKey(count - 1)])
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        append(child)
        return ValueEncoder(node: child, codingPath: codingPath + [IndexKey(count - 1)])
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.leaf = nil }
    mutating func encode(_ value: Bool) throws { node.leaf = .flag(value) }
    mutating func encode(_ value: String) throws { node.leaf = .text(value) }
    mutating func encode(_ value: Int) throws { node.leaf = .text(String(value)) }
    mutating func encode(_ value: Double) throws { node.leaf = .text(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try Node.encoding(value, at: codingPath)
        node.leaf = child.value
    }
}
