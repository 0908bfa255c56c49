import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads every file below a folder, in a stable order (the file system's order never
/// reaches the output). Plain POSIX calls: Foundation's enumerator and attribute lookups
/// made listing and reading a tenth of a 10,000-page build.
public enum SourceTree {
    /// Paths relative to `root`, sorted, skipping hidden files and folders. Links are listed
    /// but not followed into; `read` checks where they lead.
    public static func list(_ root: String) -> [String] {
        var paths: [String] = []
        func walk(_ folder: String, prefix: String) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let relative = prefix + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat("\(folder)/\(name)", &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) {
                    walk("\(folder)/\(name)", prefix: relative + "/")
                } else {
                    paths.append(relative)
                }
            }
        }
        walk(root, prefix: "")
        return paths.sorted()
    }

    /// Files larger than this are refused: no page or data file needs more, and a huge
    /// file is almost always a mistake (a video or an export saved in the wrong place).
    public static let sizeLimit = 5_000_000

    /// Whether a path inside `root` really is inside it, after following links.
    public static func isInside(root: String, relativePath: String) -> Bool {
        guard let base = realPath(root), let target = realPath("\(root)/\(relativePath)") else { return false }
        return target.hasPrefix(base + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a relative path climbs out with `..`.
    private static func climbs(_ relativePath: String) -> Bool {
        relativePath.hasPathSegment { length, dots in length == 2 && dots == 2 }
    }

    /// Reads one file as normalised text.
    public static func read(root: String, relativePath: String, displayRoot: String) -> Result<SourceFile, Diagnostic> {
        readBytes(root: root, relativePath: relativePath, displayRoot: displayRoot).flatMap { bytes in
            SourceFile.decode(bytes, path: displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)", relativePath: relativePath)
        }
    }

    /// Reads one file's bytes, refusing links that lead outside `root` and files over the limit.
    public static func readBytes(root: String, relativePath: String, displayRoot: String) -> Result<[UInt8], Diagnostic> {
        let displayPath = displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
        let path = "\(root)/\(relativePath)"
        var outside: Diagnostic {
            Diagnostic(
                .error, at: SourceLocation(path: displayPath), "this is a link to a file outside \(displayRoot.isEmpty ? "this folder" : displayRoot)",
                hint: "Copy the file into the folder instead of linking to it: the build reads only what is inside.")
        }
        var unreadable: Diagnostic {
            Diagnostic(
                .error, at: SourceLocation(path: displayPath), "this file could not be read",
                hint: "Check that the file exists and that you are allowed to read it.")
        }
        // Paths from `list` are inside by how they were found, unless they climb with `..`
        // or are links (which `list` does not follow into): opening without following
        // links tells, with no extra call for the usual file.
        if climbs(relativePath), !isInside(root: root, relativePath: relativePath) { return .failure(outside) }
        var descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0, errno == ELOOP {
            guard isInside(root: root, relativePath: relativePath) else { return .failure(outside) }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return .failure(unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(unreadable) }
        let size = Int(info.st_size)
        guard size <= sizeLimit else {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: displayPath),
                "this file is \(size / 1_000_000) MB; files here can be at most \(sizeLimit / 1_000_000) MB",
                hint: "Split the page into smaller pages, or move large files (videos, exports) out of this folder."))
        }
        // Read to the end, not just `size` bytes: a file may grow while it is read.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable)
            }
            if read == 0 { break }
            count += read
            guard count <= sizeLimit else { return .failure(unreadable) }
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }
}
