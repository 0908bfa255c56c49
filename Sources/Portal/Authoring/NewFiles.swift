import Foundation

/// Writes new files into a folder, all or none, for `portal init` and `portal theme copy`:
/// they must never overwrite what someone wrote.
public enum NewFiles {
    public enum Failure: Error, CustomStringConvertible {
        /// Files already there: nothing was written.
        case exist([String])
        case io(String)

        public var description: String {
            switch self {
            case .exist(let paths):
                let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
                return "\(shown) already exist\(paths.count == 1 ? "s" : ""); nothing was written"
            case .io(let message): return message
            }
        }
    }

    /// Writes each file (a path inside `folder`) and returns the paths written, in order.
    /// If any already exists, nothing is written.
    public static func write(_ files: [(path: String, bytes: [UInt8])], into folder: String) throws(Failure) -> [String] {
        let existing = files.map { "\(folder)/\($0.path)" }.filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else { throw .exist(existing) }
        var written: [String] = []
        for file in files {
            // Paths are the program's own, but a slip must not write outside the folder.
            guard SitePath.isInsideOutput(file.path) else { throw .io("refused to write \(file.path) outside \(folder)") }
            let path = "\(folder)/\(file.path)"
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw .io("could not make the folder for \(path): \(error.localizedDescription)")
            }
            // O_EXCL: a file that appeared since the check is still not overwritten.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .io("could not write \(path): \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            var offset = 0
            while offset < file.bytes.count {
                let count = file.bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw .io("could not write \(path): \(String(cString: strerror(errno)))") }
                offset += count
            }
            written.append(path)
        }
        return written
    }
}
