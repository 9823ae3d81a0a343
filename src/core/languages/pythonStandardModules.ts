/**
 * Python's standard library's top-level module names (CPython's `sys.stdlib_module_names` of 3.11, plus the
 * modules 3.12–3.14 added: Pyodide runs 3.14). A project file of one of these names would be imported in
 * place of the standard module, by the tests too, so the registry reserves them (core/files/reservedPaths.ts).
 * Modules removed since 3.11 stay listed: refusing a file name costs the candidate one rename.
 */
export const PYTHON_STANDARD_MODULES: readonly string[] = `
_abc abc aifc _aix_support _android_support annotationlib antigravity _apple_support argparse array _ast ast
asynchat _asyncio asyncio asyncore atexit audioop base64 bdb binascii _bisect bisect _blake2 _bootsubprocess
builtins _bz2 bz2 calendar cgi cgitb chunk cmath cmd code _codecs codecs _codecs_cn _codecs_hk _codecs_iso2022
_codecs_jp _codecs_kr _codecs_tw codeop _collections collections _collections_abc _colorize colorsys
_compat_pickle compileall _compression compression concurrent configparser contextlib _contextvars contextvars
copy copyreg cProfile _crypt crypt _csv csv _ctypes ctypes _curses curses _curses_panel dataclasses _datetime
datetime _dbm dbm _decimal decimal difflib dis distutils doctest _elementtree email encodings ensurepip enum
errno faulthandler fcntl filecmp fileinput fnmatch fractions _frozen_importlib _frozen_importlib_external
ftplib _functools functools __future__ gc _gdbm genericpath getopt getpass gettext glob graphlib grp gzip
_hashlib hashlib _heapq heapq _hmac hmac html http idlelib imaplib imghdr _imp imp importlib inspect
_interpchannels _interpqueues _interpreters _io io _ios_support ipaddress itertools _json json keyword lib2to3
linecache _locale locale logging _lsprof _lzma lzma mailbox mailcap _markupbase marshal math _md5 mimetypes
mmap modulefinder _msi msilib msvcrt _multibytecodec _multiprocessing multiprocessing netrc nis nntplib nt
ntpath nturl2path numbers _opcode opcode _opcode_metadata _operator operator optparse os ossaudiodev
_osx_support _overlapped pathlib pdb _pickle pickle pickletools pipes pkgutil platform plistlib poplib posix
posixpath _posixshmem _posixsubprocess pprint profile pstats pty pwd _py_abc py_compile pyclbr _pydatetime
_pydecimal pydoc pydoc_data pyexpat _pyio _pylong _pyrepl _queue queue quopri _random random re readline
_remote_debugging reprlib resource rlcompleter runpy sched _scproxy secrets select selectors _sha1 _sha256
_sha3 _sha512 shelve shlex shutil _signal signal site _sitebuiltins smtpd smtplib sndhdr _socket socket
socketserver spwd _sqlite3 sqlite3 _sre sre_compile sre_constants sre_parse _ssl ssl _stat stat _statistics
statistics _string string stringprep _strptime _struct struct subprocess _suggestions sunau _symtable symtable
sys _sysconfig sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this _thread threading
_threading_local time timeit _tkinter tkinter token _tokenize tokenize tomllib trace traceback _tracemalloc
tracemalloc tty turtle turtledemo _types types _typing typing unicodedata unittest urllib uu _uuid uuid venv
_warnings warnings wave _weakref weakref _weakrefset webbrowser _winapi winreg winsound _wmi wsgiref xdrlib
xml xmlrpc zipapp zipfile zipimport zlib _zoneinfo zoneinfo _zstd
`
  .trim()
  .split(/\s+/);
