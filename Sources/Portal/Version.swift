/// portal's version, shown by `portal --version` and `portal serve --version`.
public enum PortalVersion {
    public static let current = "0.15.0"
}
