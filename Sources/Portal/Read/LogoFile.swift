extension Branding.Logo {
    /// The logo's file, read from the content folder and checked: it is published at the
    /// same path (`images/logo.svg` → `/images/logo.svg`), so the path passes the one path
    /// check, part by part.
    func read(from content: String) -> Result<(file: OutputFile, image: ImageFile.Checked), Diagnostic> {
        func problem(_ message: String, hint: String) -> Diagnostic {
            Diagnostic(.error, at: location, message, hint: hint, source: source)
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let name = parts.last.map(String.init) ?? ""
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        guard parts.dropLast().allSatisfy(SitePath.isCleanSegment), SitePath.isCleanSegment(stem),
            name.hasSuffix(".svg") || name.hasSuffix(".png")
        else {
            return .failure(problem(
                "the logo must be an .svg or .png file in the content folder, named in lower-case letters, digits and hyphens, like images/logo.svg, not “\(path)”",
                hint: "Put the logo in the content folder, rename it if needed, and write its path from there."))
        }
        switch SourceTree.readBytes(root: content, relativePath: path, displayRoot: content) {
        case .failure(let unreadable):
            return .failure(problem(
                "the logo \(unreadable.location.path) \(unreadable.message.hasPrefix("this file is") ? "is too large" : "could not be read")",
                hint: unreadable.message.hasPrefix("this file could not") || unreadable.message.hasPrefix("this is a link")
                    ? "Check that the file is in the content folder at that path, and that you may read it."
                    : unreadable.hint ?? ""))
        case .success(let bytes):
            switch ImageFile.check(bytes, named: path) {
            case .failure(let wrong): return .failure(problem("the logo \(content)/\(path): \(wrong.message)", hint: wrong.hint))
            case .success(let image): return .success((OutputFile(path: path, contents: image.bytes), image))
            }
        }
    }
}
