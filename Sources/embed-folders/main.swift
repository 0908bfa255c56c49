import Foundation

// Writes a Swift file that carries folders inside the program: the default theme and the
// starter project for `portal init`, so a board's project needs neither folder.
//
//   embed-folders OUTPUT NAME FOLDER [NAME FOLDER …]
//
// Each folder becomes `EmbeddedFolders.NAME`, its files in path order (hidden ones left
// out), their bytes in base64: any file, text or image, is carried exactly.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first, arguments.count % 2 == 1 else {
    FileHandle.standardError.write(Data("usage: embed-folders OUTPUT NAME FOLDER [NAME FOLDER …]\n".utf8))
    exit(2)
}

func files(in folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
        return []
    }
    let base = folder.standardizedFileURL.path + "/"
    return walker.compactMap { item -> String? in
        guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : nil
    }.sorted()
}

func literal(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

var swift = "// Made by embed-folders when portal is built: do not edit.\n\nextension EmbeddedFolders {\n"
var pairs = Array(arguments.dropFirst())
while pairs.count >= 2 {
    let (name, folder) = (pairs[0], URL(fileURLWithPath: pairs[1]))
    pairs.removeFirst(2)
    swift += "    static let \(name): [EmbeddedFile] = [\n"
    for path in files(in: folder) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
            FileHandle.standardError.write(Data("embed-folders: could not read \(folder.path)/\(path)\n".utf8))
            exit(1)
        }
        swift += "        EmbeddedFile(path: \(literal(path)), base64: \(literal(data.base64EncodedString()))),\n"
    }
    swift += "    ]\n"
}
swift += "}\n"
do {
    try swift.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-folders: could not write \(output): \(error)\n".utf8))
    exit(1)
}
