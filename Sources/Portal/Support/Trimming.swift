extension StringProtocol {
    /// Without white space (spaces, tabs, line breaks and other Unicode spaces) at either
    /// end. Foundation's `trimmingCharacters(in:)` goes through NSString, which showed up
    /// when read for every field of every page.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first...last])
    }
}

extension String {
    /// `trimmingWhitespace`, at once for most text, which has nothing to trim: a visible
    /// ASCII character at each end.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return self
        }
        return self[...].trimmingWhitespace()
    }
}
