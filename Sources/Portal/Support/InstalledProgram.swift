import Foundation

/// A program the build may use if it is installed (Pagefind, WeasyPrint), found without
/// running anything: on `PATH`, or where a Python package installed it, beside the first
/// python3 on `PATH` (a virtual environment's `bin/`) or in the user's own packages.
enum InstalledProgram {
    /// The first of `names` on `PATH` or in a Python prefix's `bin/`; else `inPackages`, a
    /// path inside site-packages (`pagefind_bin/pagefind`), in the newest Python's packages.
    static func find(
        _ names: [String], inPackages: String? = nil,
        path: String = ProcessInfo.processInfo.environment["PATH"] ?? "", home: String = NSHomeDirectory()
    ) -> String? {
        let folders = path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for folder in folders {
            for name in names where isProgram("\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        var prefixes: [String] = []
        if let python = folders.map({ "\($0)/python3" }).first(where: isProgram) {
            let resolved = URL(fileURLWithPath: python).resolvingSymlinksInPath().path
            for candidate in [python, resolved] {
                prefixes.append(URL(fileURLWithPath: candidate).deletingLastPathComponent().deletingLastPathComponent().path)
            }
        }
        prefixes.append("\(home)/.local")
        for prefix in prefixes {
            for name in names where isProgram("\(prefix)/bin/\(name)") { return "\(prefix)/bin/\(name)" }
        }
        guard let inPackages else { return nil }
        for prefix in prefixes {
            let lib = "\(prefix)/lib"
            let versions = ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).filter { $0.hasPrefix("python3") }.sorted()
            for version in versions.reversed() {
                for packages in ["site-packages", "dist-packages"] {
                    let program = "\(lib)/\(version)/\(packages)/\(inPackages)"
                    if isProgram(program) { return program }
                }
            }
        }
        return nil
    }

    static func isProgram(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
