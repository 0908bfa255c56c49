// qpdf's C API (Debian's libqpdf-dev, qpdf 11): reading PDF files' facts.
#include <qpdf/qpdf-c.h>
