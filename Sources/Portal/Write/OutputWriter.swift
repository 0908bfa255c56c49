import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the finished site into a fresh folder beside the output and swaps it in only when
/// every file is written, so a failed or interrupted build never leaves a half site. The
/// old site it replaces is deleted after the build returns (`OldSiteRemoval`).
/// Files are written with plain POSIX calls: Foundation's writes fsync every file, which
/// costs seconds on a large site and buys nothing here.
public struct OutputWriter: Sendable {
    public let output: String

    public init(output: String) {
        self.output = output
    }

    public enum Failure: Error, CustomStringConvertible {
        case unsafeOutput(String)
        /// A path that would leave the output folder: the writer refuses it, whatever made it.
        case unsafePath(String)
        case io(String)

        /// Paths in it are shown with their control characters as symbols (it is printed).
        public var description: String {
            switch self {
            case .unsafeOutput(let why), .io(let why): DiagnosticFormatter.visible(why)
            case .unsafePath(let path):
                "refused to write “\(DiagnosticFormatter.visible(path))”: it is not a plain path inside the output folder"
            }
        }
    }

    /// The file every built site holds, so a later build knows the folder is one it may replace.
    public static let marker = ".portal-site"
    static let markerText = "This folder is a website made by portal. Each build replaces it whole: keep nothing else here.\n"

    /// Refuses output folders whose replacement would destroy something else: the disk, the
    /// home folder, a folder holding the project (`project`, the current folder) or what the
    /// build reads (`inputs`), a folder inside those inputs, and a folder with files that
    /// portal did not make (unless `force`).
    public static func checkSafe(
        output: String, protecting inputs: [String], force: Bool = false,
        project: String = FileManager.default.currentDirectoryPath
    ) throws(Failure) {
        let target = realLocation(output)
        let choose = "choose a folder of its own, such as Site"
        if target == "/" || target == realLocation(NSHomeDirectory()) {
            throw .unsafeOutput(
                "the output folder “\(output)” would replace \(target == "/" ? "the whole disk" : "your home folder"); \(choose)")
        }
        let here = realLocation(project)
        if target == here || here.hasPrefix(target + "/") {
            throw .unsafeOutput(
                "the output folder “\(output)” holds this project's folder, which a build would delete; \(choose)")
        }
        for input in inputs where !input.isEmpty {
            let protected = realLocation(input)
            if target == protected || protected.hasPrefix(target + "/") {
                throw .unsafeOutput(
                    "the output folder “\(output)” holds “\(input)”, which the build reads and would delete; \(choose)")
            }
            if target.hasPrefix(protected + "/") {
                throw .unsafeOutput(
                    "the output folder “\(output)” is inside “\(input)”, which the build reads; \(choose)")
            }
        }
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .unsafeOutput("“\(output)” is a file, not a folder; it was left as it is. \(choose.prefix(1).uppercased() + choose.dropFirst())")
        }
        if !force, access("\(target)/\(marker)", F_OK) != 0, !isEmptyFolder(target) {
            throw .unsafeOutput(
                "the output folder “\(output)” holds files that portal did not make, and a build replaces the whole folder; "
                    + "choose another folder with --output, or add --force to replace it and delete everything in it")
        }
    }

    /// `path` made absolute with its links followed, as far as it exists (the rest added as written).
    private static func realLocation(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard existing != "/", let slash = existing.utf8.lastIndex(of: UInt8(ascii: "/")) else { return existing }
            rest.append(String(existing[existing.index(after: slash)...]))
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    private static func isEmptyFolder(_ path: String) -> Bool {
        guard let folder = opendir(path) else { return false }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// Writes `files` and copies the theme's `copies`, then swaps the result in.
    public func write(_ files: [OutputFile], copies: [ThemeAsset]) throws {
        let staging = try stage()
        do {
            _ = try staging.write(files)
            try staging.finish(copies: copies)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// A fresh folder beside the output, to write the new site into (from any thread)
    /// before `finish` swaps it in.
    public func stage() throws -> Staging {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let staging = Staging(folder: "\(parent)/\(name).partial-\(getpid())", output: url.path, shown: output)
        try? fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeStale(parent: parent, name: name)
        try? fm.removeItem(atPath: staging.folder)
        try fm.createDirectory(atPath: staging.folder, withIntermediateDirectories: true)
        try Self.writeMarker(in: staging.folder)
        return staging
    }

    /// A site being written beside the output. Nothing is in place until `finish`.
    public struct Staging: Sendable {
        let folder: String
        let output: String
        /// The output as the user gave it, for messages.
        let shown: String

        /// Makes the files of each item and writes them at once, on every core: the pages
        /// are never all in memory, and writing overlaps making them. The paths written, in order.
        public func write<Item: Sendable>(_ items: [Item], making make: @Sendable (Item) -> [OutputFile]) throws(Failure) -> [String] {
            try OutputWriter.writeAll(items, in: folder, fresh: true, making: make)
        }

        public func write(_ files: [OutputFile]) throws(Failure) -> [String] {
            try write(files) { [$0] }
        }

        /// Copies `copies` in, makes the search index (if there is a `searchIndex`), then puts
        /// the staged site in the output's place in one step.
        public func finish(copies: [ThemeAsset] = [], searchIndex: SearchIndex? = nil) throws {
            let fm = FileManager.default
            _ = try write(OutputWriter.read(copies))
            try searchIndex?.build(in: folder)
            var isFolder: ObjCBool = false
            let hadOutput = fm.fileExists(atPath: output, isDirectory: &isFolder)
            if hadOutput && !isFolder.boolValue {
                throw Failure.unsafeOutput("“\(shown)” is a file, not a folder; it was left as it is")
            }
            if hadOutput {
                // One step: Site/ is the old site or the new one, never missing or half made.
                guard renameat2(PORTAL_AT_FDCWD, folder, PORTAL_AT_FDCWD, output, UInt32(PORTAL_RENAME_EXCHANGE)) == 0 else {
                    throw Failure.io("could not put the new site in place of \(shown): \(String(cString: strerror(errno)))")
                }
                // The old site, now in the staging folder, is deleted after the build returns.
                let url = URL(fileURLWithPath: output)
                OldSiteRemoval.remove(folder, parent: url.deletingLastPathComponent().path, name: url.lastPathComponent)
            } else {
                try fm.moveItem(atPath: folder, toPath: output)
            }
        }

        /// Removes the staged folder: after a failure, or when the build is abandoned.
        public func discard() {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// The theme's files to copy, read.
    static func read(_ copies: [ThemeAsset]) throws(Failure) -> [OutputFile] {
        try copies.map { copy throws(Failure) in
            guard let contents = copy.contents() else {
                if case .file(let path) = copy.origin { throw Failure.io("could not read \(path)") }
                throw Failure.io("could not read \(copy.outputPath)")
            }
            return OutputFile(path: copy.outputPath, contents: contents)
        }
    }

    /// Rewrites some files of a site already written, for the preview, which rebuilds a few
    /// pages after an edit (or every page after a change to the layout). Each file is
    /// overwritten where it is, on both cores: a new file renamed over the old one would be
    /// a new inode each time, and ext4 without a journal scans past every inode freed in the
    /// last minutes to make one, which made rewriting 1,000 pages take 300 ms instead of 50.
    public func update(_ files: [OutputFile]) throws {
        _ = try Self.writeAll(files, in: output, fresh: false) { [$0] }
    }

    /// Writes a whole site over the one already in the output, for the preview: each file
    /// in place, as `update` does, then the files of the old site (`previous`) that the new
    /// one no longer has are removed, with folders they leave empty. Writing a new site
    /// beside the old one and deleting the old one made every full rebuild of 10,000 pages
    /// create and delete 20,000 files. The paths written, in order, copies last.
    /// The first `first` items are written before the others, and `afterFirst` is called
    /// between (the preview's open pages).
    public func rewrite<Item: Sendable>(
        _ items: [Item], copies: [ThemeAsset], replacing previous: [String], first: Int = 0,
        afterFirst: (@Sendable () -> Void)? = nil, making make: @Sendable (Item) -> [OutputFile]
    ) throws -> [String] {
        // The theme's files first: an open page shown early needs its stylesheet.
        let copied = try Self.writeAll(Self.read(copies), in: output, fresh: false) { [$0] }
        var paths: [String] = []
        if first > 0 {
            paths = try Self.writeAll(Array(items[..<first]), in: output, fresh: false, making: make)
            afterFirst?()
        }
        paths += try Self.writeAll(Array(items[first...]), in: output, fresh: false, making: make)
        paths += copied
        try Self.writeMarker(in: output)
        let kept = Set(paths)
        for stale in previous where !kept.contains(stale) && SitePath.isInsideOutput(stale) {
            var path = "\(output)/\(stale)"
            guard unlink(path) == 0 else { continue }
            // Folders emptied by the removal go too, up to the output itself.
            while true {
                path = Self.parent(of: path)
                guard path.count > output.count, rmdir(path) == 0 else { break }
            }
        }
        return paths
    }

    /// Makes the files of each item and writes them under `folder`, on every core; the
    /// first failure is thrown after every item is done.
    private static func writeAll<Item: Sendable>(
        _ items: [Item], in folder: String, fresh: Bool, making make: @Sendable (Item) -> [OutputFile]
    ) throws(Failure) -> [String] {
        let written = parallelMap(items) { item -> Result<[String], Failure> in
            var paths: [String] = []
            for file in make(item) {
                guard SitePath.isInsideOutput(file.path) else { return .failure(.unsafePath(file.path)) }
                do throws(Failure) {
                    try writeFile("\(folder)/\(file.path)", file.contents, fresh: fresh)
                } catch {
                    return .failure(error)
                }
                paths.append(file.path)
            }
            return .success(paths)
        }
        var paths: [String] = []
        for result in written { paths += try result.get() }
        return paths
    }

    /// The marker that tells a later build this folder is a site portal made (not listed
    /// among the site's files, so the preview never removes it as stale).
    private static func writeMarker(in folder: String) throws(Failure) {
        try writeFile("\(folder)/\(marker)", Array(markerText.utf8), fresh: false)
    }

    /// Folders left by a build killed before it could clean up, or by a removal of an old
    /// site killed before it was done (their process is gone), deleted as an old site is.
    /// Those whose process is still at work are left to it.
    private func removeStale(parent: String, name: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            for prefix in ["\(name).partial-", OldSiteRemoval.prefix(name)] where entry.hasPrefix(prefix) {
                let digits = entry.dropFirst(prefix.count)
                guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let pid = pid_t(digits),
                    OldSiteRemoval.hasEnded(pid)
                else { continue }
                OldSiteRemoval.remove("\(parent)/\(entry)", parent: parent, name: name)
            }
        }
    }

    /// Writes `bytes` as the file at `path`. A file already there is overwritten from the
    /// start and then cut to length, not emptied first: emptying frees its blocks and
    /// writing takes new ones, which on a disk mounted with `discard` (as here) made
    /// rewriting 10,000 pages take a second. In a fresh folder the file is new (emptying
    /// it costs nothing, and saves a call to cut it).
    ///
    /// The file's folder is made as the file is written: each page has its own, and making
    /// them here spreads the work over both cores with the rendering. In a fresh folder it
    /// is made first; elsewhere only when opening finds it missing.
    private static func writeFile(_ path: String, _ contents: [UInt8], fresh: Bool) throws(Failure) {
        let failure = contents.withUnsafeBytes { bytes -> Failure? in
            do throws(Failure) {
                try writeFile(path, bytes, fresh: fresh)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    private static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer, fresh: Bool) throws(Failure) {
        // Over an existing site, a link planted where a file was is not followed.
        let flags = O_WRONLY | O_CREAT | (fresh ? O_TRUNC : O_NOFOLLOW)
        if fresh { _ = makeFolder(parent(of: path)) }
        var fd = open(path, flags, 0o644)
        if fd < 0, errno == ENOENT, makeFolder(parent(of: path)) { fd = open(path, flags, 0o644) }
        guard fd >= 0 else { throw Failure.io("could not create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure.io("could not write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        guard fresh || ftruncate(fd, off_t(bytes.count)) == 0 else {
            throw Failure.io("could not write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Makes `folder` and any missing folders above it; true if it is there afterwards
    /// (another thread may have made it first).
    private static func makeFolder(_ folder: String) -> Bool {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, folder.utf8.contains(UInt8(ascii: "/")), makeFolder(parent(of: folder)) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    private static func parent(of path: String) -> String {
        String(path[..<(path.utf8.lastIndex(of: UInt8(ascii: "/")) ?? path.endIndex)])
    }
}
