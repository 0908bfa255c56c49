import CQPDF
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What portal shows and checks about a PDF file: its pages (an attachment's "PDF, 1.2 MB,
/// 24 pages"), and the title, language and tags that `portal check` asks of every PDF, since
/// a screen reader needs all three.
///
/// Read with qpdf's C API, each call with a `qpdf_data` of its own, so reads on several
/// threads at once are safe. Nothing is ever printed: qpdf's errors and warnings are kept
/// in its `qpdf_data`, read here, and freed with it (`qpdf_cleanup`, on every path).
///
/// qpdf repairs many damaged files (a cross-reference table out of place or lost, found
/// again from the objects and the `trailer`): such a file is accepted if its pages can still
/// be counted once repaired. A file whose pages cannot be counted, or that has none, is refused, as is
/// one where qpdf fails to read the title, language or tags, and one that needs a password
/// to open (one with only an owner password, which opens without one, is read).
public struct PDFFacts: Sendable, Equatable {
    public var pageCount: Int
    /// The document information dictionary's `/Title` (qpdf decodes text strings in
    /// UTF-16, UTF-8 and PDFDocEncoding; `qpdf_get_info_key` would give their bytes as they
    /// are); nil if missing or only white space. XMP's dc:title is not read.
    public var title: String?
    /// The catalog's `/Lang`, such as "en-GB"; nil if missing or only white space.
    public var language: String?
    /// Whether the file says it is a tagged PDF: see `isTagged`.
    public var tagged: Bool

    public init(pageCount: Int, title: String?, language: String?, tagged: Bool) {
        self.pageCount = pageCount
        self.title = title
        self.language = language
        self.tagged = tagged
    }

    /// A file that is not a PDF portal can read, and why, in plain English.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// Missing, a folder, or not readable.
            case cannotOpen
            case empty
            case needsPassword
            /// Not a PDF, or too damaged to repair.
            case damaged
            case noPages
        }

        /// The path or name the file was read as.
        public var name: String
        public var reason: Reason
        /// qpdf's own words (offsets, objects), for whoever mends the file; may be empty.
        public var detail: String

        /// What went wrong, without the file's name (a diagnostic shows it already).
        public var message: String {
            switch reason {
            case .cannotOpen: "this file could not be opened\(detail.isEmpty ? "" : " (\(detail))")"
            case .empty: "this is not a PDF that can be read: the file is empty"
            case .needsPassword: "this is not a PDF that can be read: it is protected by a password"
            case .damaged: "this is not a PDF that can be read: it is damaged, or not a PDF at all"
            case .noPages: "this is not a PDF that can be read: it has no pages"
            }
        }

        /// What to do about it.
        public var hint: String {
            switch reason {
            case .cannotOpen: "Check that the file is there and that it can be read."
            case .needsPassword: "Save a copy without the password (anyone may read what the site publishes) and use that."
            case .empty, .damaged, .noPages: "Open the original document and save or export it as PDF again."
            }
        }

        public var description: String {
            "\(name): \(message)" + (detail.isEmpty || reason == .cannotOpen ? "" : " [qpdf: \(detail)]")
        }
    }

    /// Reads the PDF file at `path`. Only a regular file is opened (a named pipe would wait
    /// for a writer forever).
    public static func read(path: String) throws(Failure) -> PDFFacts {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Failure(name: path, reason: .cannotOpen, detail: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(name: path, reason: .cannotOpen, detail: "it is not a file")
        }
        guard status.st_size > 0 else { throw Failure(name: path, reason: .empty, detail: "") }
        return try withQPDF(name: path) { qpdf in qpdf_read(qpdf, path, nil) }
    }

    /// Reads a PDF file's bytes; `name` stands for the file in failures.
    public static func read(data: [UInt8], name: String) throws(Failure) -> PDFFacts {
        guard !data.isEmpty else { throw Failure(name: name, reason: .empty, detail: "") }
        // qpdf reads the bytes in place, lazily, for as long as its qpdf_data lives: all of
        // the reading happens inside this closure.
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(Failure) in
                try withQPDF(name: name) { qpdf in
                    qpdf_read_memory(
                        qpdf, name, bytes.baseAddress!.assumingMemoryBound(to: CChar.self),
                        UInt64(bytes.count), nil)
                }
            }
        }
        return try result.get()
    }

    /// Reads a PDF file's bytes; `name` stands for the file in failures.
    public static func read(data: Data, name: String) throws(Failure) -> PDFFacts {
        try read(data: [UInt8](data), name: name)
    }

    // MARK: qpdf

    /// A fresh, silent `qpdf_data`, opened by `open`, its facts read, and freed whatever
    /// happens.
    private static func withQPDF(
        name: String, open: (OpaquePointer) -> QPDF_ERROR_CODE
    ) throws(Failure) -> PDFFacts {
        guard let qpdf = qpdf_init() else { throw Failure(name: name, reason: .cannotOpen, detail: "qpdf could not start") }
        defer {
            var used: qpdf_data? = qpdf
            qpdf_cleanup(&used)
        }
        // Errors would otherwise go to standard error as well as being returned, and
        // warnings (about repairs) too; both stay in `qpdf` here, freed by qpdf_cleanup.
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)

        _ = open(qpdf)
        try check(qpdf, name)
        let pages = qpdf_get_num_pages(qpdf)
        try check(qpdf, name)
        guard pages >= 0 else { throw Failure(name: name, reason: .damaged, detail: "the pages could not be counted") }
        guard pages > 0 else { throw Failure(name: name, reason: .noPages, detail: "") }

        let root = qpdf_get_root(qpdf)
        try check(qpdf, name)
        let info = key(qpdf, qpdf_get_trailer(qpdf), "/Info")
        let facts = PDFFacts(
            pageCount: Int(pages),
            title: text(qpdf, key(qpdf, info, "/Title")),
            language: text(qpdf, key(qpdf, root, "/Lang")),
            tagged: isTagged(qpdf, root: root))
        try check(qpdf, name)
        return facts
    }

    /// A tagged PDF as PDF/UA asks for one: the catalog has a `/StructTreeRoot` dictionary
    /// (the tags themselves: headings, paragraphs, lists, the reading order a screen reader
    /// follows) and `/MarkInfo` with `/Marked true` (the producer's statement that the page
    /// content is marked to match them). Either alone is not enough: some programs write
    /// `/Marked true` with no structure, and a structure tree left behind after editing,
    /// without the flag, may no longer match the pages. Stricter than `pdfinfo`'s "Tagged:",
    /// which looks at `/Marked` alone (older poppler: the structure tree alone). Whether the
    /// tags are any good is not judged.
    private static func isTagged(_ qpdf: OpaquePointer, root: qpdf_oh) -> Bool {
        let structure = key(qpdf, root, "/StructTreeRoot")
        let marked = key(qpdf, key(qpdf, root, "/MarkInfo"), "/Marked")
        return qpdf_oh_is_dictionary(qpdf, structure) != 0
            && qpdf_oh_is_bool(qpdf, marked) != 0 && qpdf_oh_get_bool_value(qpdf, marked) != 0
    }

    /// The value of `key` in a dictionary (indirect objects followed); a null object if
    /// `dictionary` is not one or has no such key.
    private static func key(_ qpdf: OpaquePointer, _ dictionary: qpdf_oh, _ key: String) -> qpdf_oh {
        guard qpdf_oh_is_dictionary(qpdf, dictionary) != 0 else { return qpdf_oh_new_null(qpdf) }
        return qpdf_oh_get_key(qpdf, dictionary, key)
    }

    /// A text string as UTF-8 (qpdf decodes UTF-16 and UTF-8 by their byte order marks,
    /// PDFDocEncoding otherwise), without white space or control characters (some programs
    /// end UTF-16 titles with a NUL) at either end; nil if not a string or empty.
    private static func text(_ qpdf: OpaquePointer, _ object: qpdf_oh) -> String? {
        guard qpdf_oh_is_string(qpdf, object) != 0 else { return nil }
        var length = 0
        guard let bytes = qpdf_oh_get_binary_utf8_value(qpdf, object, &length), qpdf_has_error(qpdf) == 0 else {
            return nil
        }
        let value = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
        let scalars = value.unicodeScalars
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return nil }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[first...last])
    }

    /// Throws qpdf's pending error, if there is one, as a `Failure`.
    private static func check(_ qpdf: OpaquePointer, _ name: String) throws(Failure) {
        guard qpdf_has_error(qpdf) != 0, let error = qpdf_get_error(qpdf) else { return }
        let detail = qpdf_get_error_message_detail(qpdf, error).map { String(cString: $0) } ?? ""
        let reason: Failure.Reason =
            switch qpdf_get_error_code(qpdf, error) {
            case qpdf_e_password: .needsPassword
            case qpdf_e_system: .cannotOpen
            default: .damaged
            }
        throw Failure(name: name, reason: reason, detail: detail)
    }
}
