import Foundation

/// PDFs made before, kept in a folder of the project's (git-ignored) by what they were made
/// from, so a build or a preview whose printed pages did not change runs no WeasyPrint.
/// Each PDF is kept beside the exact text it was made from, and used only when that text
/// is the same again: a hash names the files, but never decides alone.
struct PrintCache: Sendable {
    let folder: String

    /// The PDF made before from `source` (the page and how it was printed), if any.
    func pdf(for source: String) -> [UInt8]? {
        let name = Self.name(source)
        guard let kept = FileManager.default.contents(atPath: "\(folder)/\(name).source"),
            kept.elementsEqual(source.utf8),
            let pdf = FileManager.default.contents(atPath: "\(folder)/\(name).pdf")
        else { return nil }
        return [UInt8](pdf)
    }

    /// Keeps `pdf` for the next build. A cache that cannot be written only costs time.
    func keep(_ pdf: [UInt8], for source: String) {
        let name = Self.name(source)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Each file is written beside and renamed into place, so a reader never sees half of one;
        // the PDF first, so a source on disk always has its PDF.
        for (suffix, bytes) in [("pdf", pdf), ("source", Array(source.utf8))] {
            let path = "\(folder)/\(name).\(suffix)"
            let temporary = "\(path).\(getpid()).\(UUID().uuidString)"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                return
            }
        }
    }

    /// Removes the PDFs no page uses now (`names`: those of the site's printed pages), so the
    /// cache holds one version of each, however often the preview printed it again.
    func prune(keeping names: Set<String>) {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for file in files where !names.contains(String(file.prefix { $0 != "." })) {
            try? FileManager.default.removeItem(atPath: "\(folder)/\(file)")
        }
    }

    /// 64-bit FNV-1a of the text, in hex: a short, stable file name.
    static func name(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
