extension Unicode.Scalar {
    /// A letter or a figure, in any script: what makes a run of characters a word, for
    /// reading figures, glossary terms and the words of sensitive topics alike. ASCII,
    /// most text, is answered without looking up Unicode's properties.
    var isLetterOrFigure: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) }
        return properties.isAlphabetic || properties.numericType != nil
    }
}
