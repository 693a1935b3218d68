"""The core built-ins (messages, errors, strings, numbers, dates, arrays), registered under their EN/FR/ES names."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from . import semantics as sem
from .errors import WLException, WLRuntimeError
from .registry import REGISTRY, Idiom, Member, names
from .runtime import Runtime
from .values import (
    EMPTY_VALUES,
    DynamicObject,
    WLArray,
    WLAssociativeArray,
    WLDate,
    WLDateTime,
    WLDuration,
    WLTime,
)

function = REGISTRY.function


def _with(count: int, template: str, otherwise: str) -> Any:
    """An idiom for a function written with exactly ``count`` arguments; other forms are not translated."""
    return lambda context, args: context.template(template, args) if len(args) == count else context.unsupported(otherwise)

# ------------------------------------------------------------------------------ types


def _simple_type(kind: str, en: Any, fr: Any, es: Any, make: Any) -> None:
    convert = functools.partial(sem.convert_to, kind) if kind in sem.CONVERSIONS else None
    REGISTRY.type(en, fr, es, make=make, convert=convert)


_simple_type("int", ("int", "integer"), "entier", "entero", lambda: 0)
_simple_type("real", "real", "réel", ("real", "flotante"), lambda: 0.0)
_simple_type("numeric", "numeric", "numérique", "numérico", lambda: 0)
_simple_type("currency", "currency", "monétaire", "moneda", lambda: 0)
_simple_type("string", "string", "chaîne", "cadena", lambda: "")
_simple_type("boolean", "boolean", "booléen", "booleano", lambda: False)
_simple_type("buffer", "buffer", "buffer", "búfer", lambda: "")
_simple_type("Date", "Date", "Date", "Fecha", lambda: WLDate(_dt.date.today()))
_simple_type("Time", "Time", "Heure", "Hora", lambda: WLTime(_dt.datetime.now().time()))
_simple_type("DateTime", "DateTime", "DateHeure", "FechaHora", lambda: WLDateTime(_dt.datetime.now()))
_simple_type("Duration", "Duration", "Durée", "Duración", lambda: WLDuration(0))
REGISTRY.type("Variant", "Variant", "Variante", make=lambda: None)

ARRAY_MEMBERS = (
    Member("property", names(("Count", "Occurrence"), ("Occurrence",), ("Ocurrencia",)), "count", read_only=True,
           type="int", idiom=Idiom("len({owner})")),
    Member("method", names("Add", "Ajoute", "Agregar"), "add", idiom=Idiom("{owner}.append({0})"), grows=True),
    Member("method", names("DeleteAll", "SupprimeTout", "EliminarTodo"), "clear", idiom=Idiom("{owner}.clear()")),
    Member("method", names("Delete", "Supprime", "Eliminar"), "delete"),
    Member("method", names("Insert", "Insère", "Insertar"), "insert"),
)
REGISTRY.type("array", "tableau", "arreglo", make=WLArray, python_class=WLArray, members=ARRAY_MEMBERS)
REGISTRY.type(
    "associative array", "tableau associatif", "arreglo asociativo",
    make=WLAssociativeArray, python_class=WLAssociativeArray,
    members=(ARRAY_MEMBERS[0],),
)

# ------------------------------------------------------------------------------ constants

REGISTRY.constant("CR", "RC", "CR", value="\r\n", idiom=Idiom('"\\r\\n"'))
REGISTRY.constant("TAB", "TAB", "TAB", value="\t", idiom=Idiom('"\\t"'))
REGISTRY.constant("LF", "LF", "LF", value="\n", idiom=Idiom('"\\n"'))
REGISTRY.constant("EOT", "EOT", "EOT", value="\x04")

# ErrorInfo / ExceptionInfo selectors (the FR help keeps errMessage untranslated)
ERR_MESSAGE, ERR_CODE, ERR_FULL, ERR_SUMMARY, ERR_SYSTEM_CODE = range(1, 6)
REGISTRY.constant("errMessage", "errMessage", value=ERR_MESSAGE)
REGISTRY.constant("errCode", "errCode", value=ERR_CODE)
REGISTRY.constant("errFullDetails", "errComplet", value=ERR_FULL)
REGISTRY.constant("errSummary", "errRésumé", value=ERR_SUMMARY)
REGISTRY.constant("errSystemCode", "errCodeSystème", value=ERR_SYSTEM_CODE)

# search options of Position/Replace/Contains, and NoSpace's
IGNORE_CASE, WHOLE_WORD, FROM_END = 1, 2, 4
REGISTRY.constant("IgnoreCase", "SansCasse", value=IGNORE_CASE)
REGISTRY.constant("WholeWord", "MotComplet", value=WHOLE_WORD)
REGISTRY.constant("FromEnd", "DepuisFin", value=FROM_END)
SSC_EXTERIOR, SSC_INTERIOR, SSC_ALL = 1, 2, 4
REGISTRY.constant("sscExterior", "sscExtérieur", value=SSC_EXTERIOR)
REGISTRY.constant("sscInterior", "sscIntérieur", value=SSC_INTERIOR)
REGISTRY.constant("sscAll", "sscTout", value=SSC_ALL)

# ------------------------------------------------------------------------------ out of scope
# WinDev features wlinterp does not run: reported as "unsupported" (design §4).

REGISTRY.unsupported(
    r"(?i)(?:EDT|SAI|BTN|STC|LIB|TABLE|COMBO|LIST|LISTE|CBOX|RADIO|SEL|IMG|IMAGE|LOOP|ZR|TREE|ARBRE|CHECK|"
    r"INT|ONGLET|TAB|WIN|FEN|PAGE|POPUP|MENU|OPT|SLIDER|GAUGE|JAUGE|CHART|GRAPHE|CELL|CELLULE|RTF|HTML|TOOLBAR)_\w+",
    "a window control; controls are not supported by wlinterp",
)
REGISTRY.unsupported(
    r"H(?:Read|Add|Modify|Delete|Execute|Open|Close|Cancel|Seek|Found|Out|NbRec|Create|Filter|Reset|Save|Write|"
    r"Connect|Describe|Declare|Lit|Ajoute|Modifie|Supprime|Ouvre|Ferme|Annule|Cherche|Trouve|Dehors|Cree|Crée|"
    r"Filtre|Raz|RAZ|Sauve|Ecrit|Écrit|Connecte|Decrit|Décrit|Transaction)\w*",
    "an HFSQL database function; databases are not supported by wlinterp",
)
REGISTRY.unsupported(r"f[A-Z]\w*", "a file function; files are not supported by wlinterp")
REGISTRY.unsupported(r"(?i)HTTP\w*|Rest\w+|SOAP\w*|Socket\w*|Net[A-Z]\w*", "a network function outside email; not supported by wlinterp")
REGISTRY.unsupported(
    r"(?:Toast|Looper|Table|Liste?|Combo|Tree|Arbre|Chart|Graphe|Gauge|Jauge|Window|Fen|Page|Menu|Popup|"
    r"Sound|Son|Video|Vidéo|XML|JSON|Zip|Docx|PDF|RTF|Spell|OCR|Print|Imprime|d)[A-Z]\w*"
    r"|Open|Ouvre|Close|Ferme|OpenChild|OuvreFille|OpenMobileWindow|Serialize|Sérialise|Deserialize|Désérialise"
    r"|MyWindow|MaFenêtre|MySelf|MoiMême|MyPage|MaPage|MyReport|MonEtat|MonÉtat|Multitask|Multitâche|ThreadExecute|ThreadExécute",
    "a WinDev function outside wlinterp's scope (user interface, files, databases, serialization …)",
)

# ------------------------------------------------------------------------------ messages


@function("Trace", "Trace", "Trace",
          idiom=Idiom("print({*})", note="print shows True/False where WinDev shows 1/0, and its own number format"))
def trace(rt: Runtime, *values: Any) -> None:
    """Trace(a, b …): the values on one line, separated by a space (design §4)."""
    rt.emit("trace", " ".join(_shown(v) for v in values))


@function("Info", "Info", "Info", idiom=Idiom('print("Info:", {*})'))
def info(rt: Runtime, *values: Any) -> None:
    rt.emit("info", "\n".join(_shown(v) for v in values))


@function("Error", "Erreur", "Error", idiom=Idiom('print("Error:", {*})'))
def error(rt: Runtime, *values: Any) -> None:
    rt.emit("error", "\n".join(_shown(v) for v in values))


@function("Warning", "Avertissement", "Advertencia", idiom=Idiom('print("Warning:", {*})'))
def warning(rt: Runtime, *values: Any) -> None:
    rt.emit("warning", "\n".join(_shown(v) for v in values))


def _shown(value: Any) -> str:
    if isinstance(value, WLArray):
        return ", ".join(_shown(v) for v in value.items)
    if isinstance(value, DynamicObject):
        return ", ".join(f"{name}={_shown(v)}" for name, v in value.members.values())
    try:
        return sem.to_string(value)
    except WLRuntimeError:
        return f"<{sem.type_name_of(value)}>"


# ------------------------------------------------------------------------------ errors and exceptions


@REGISTRY.variable("ErrorOccurred", ("ErreurDétectée",), "ErrorOcurrido", callable_variable=True,
                   idiom=Idiom(lambda context, args: context.error_occurred()))
def error_occurred(rt: Runtime) -> bool:
    return rt.error_occurred


@function("ErrorInfo", "ErreurInfo", "ErrorInfo", idiom=Idiom(lambda context, args: context.error_text(args)))
def error_info(rt: Runtime, selector: Any = ERR_MESSAGE) -> Any:
    """ErrorInfo([errMessage | errCode | errFullDetails …]) about the last failed operation."""
    return _info_of(selector, rt.error_message, rt.error_code, rt.error_details)


@function("ExceptionInfo", "ExceptionInfo", "ExceptionInfo",
          idiom=Idiom(lambda context, args: context.error_text(args)))
def exception_info(rt: Runtime, selector: Any = ERR_MESSAGE) -> Any:
    current = rt.current_exception
    if current is None:
        return _info_of(selector, "", 0, "")
    details = current.message
    if current.span is not None:
        details += f" (line {current.span.line}, column {current.span.column})"
    return _info_of(selector, current.message, current.code, details)


def _info_of(selector: Any, message: str, code: int, details: str) -> Any:
    if selector == ERR_CODE or selector == ERR_SYSTEM_CODE:
        return code
    if selector == ERR_FULL:
        return details or message
    return message


@function("ExceptionThrow", "ExceptionDéclenche", "ExceptionLanzar")
def exception_throw(rt: Runtime, code: Any, message: Any = "") -> None:
    """ExceptionThrow(n [, message]): raise the program's own exception, n from 1 to 1000."""
    number = sem.convert_to("int", code)
    if not 1 <= number <= 1000:
        raise WLRuntimeError(f"ExceptionThrow: the exception code must be between 1 and 1000, not {number}")
    raise WLException(sem.to_string(message) or f"exception {number}", code=number)


# ------------------------------------------------------------------------------ build configuration


@REGISTRY.variable("Configuration", "Configuration", "Configuración")
def configuration(rt: Runtime) -> str:
    """The configuration <COMPILE IF> tests; a WinDev desktop executable unless set otherwise."""
    return rt.options.configuration


@REGISTRY.variable("ConfigurationType", "TypeConfiguration", "TipoConfiguración")
def configuration_type(rt: Runtime) -> str:
    return rt.options.configuration_type


# ------------------------------------------------------------------------------ strings


def _text(value: Any) -> str:
    return sem.to_string(value)


def _count(value: Any, what: str) -> int:
    number = sem.convert_to("int", value)
    if number < 0:
        raise WLRuntimeError(f"{what} cannot be negative ({number})")
    return number


@function("Length", "Taille", "Longitud", python=("len({0})", ("string",)), idiom=Idiom("len({0})"))
def length(rt: Runtime, value: Any) -> int:
    if isinstance(value, (WLArray, WLAssociativeArray, bytes, bytearray)):
        return len(value)  # a buffer's length is its number of bytes
    return len(_text(value))


@function("Left", "Gauche", "Izquierda", idiom=Idiom("{0}[:{1}]"))
def left(rt: Runtime, value: Any, count: Any) -> str:
    return _text(value)[: _count(count, "the length")]


@function("Right", "Droite", "Derecha")
def right(rt: Runtime, value: Any, count: Any) -> str:
    number = _count(count, "the length")
    text = _text(value)
    return text[len(text) - number :] if number else ""


@function("Middle", "Milieu", "Medio",
          idiom=Idiom(lambda context, args: context.template("{0}[{1} - 1 :][:{2}]" if len(args) == 3
                                                             else "{0}[{1} - 1 :]", args)))
def middle(rt: Runtime, value: Any, start: Any, count: Any = None) -> str:
    """Middle(s, start [, length]): from the 1-based position ``start``."""
    text = _text(value)
    begin = sem.convert_to("int", start)
    if begin < 1:
        raise WLRuntimeError(f"Middle: the start position must be 1 or more, not {begin}")
    if count is None:
        return text[begin - 1 :]
    return text[begin - 1 : begin - 1 + _count(count, "the length")]


@function("Upper", "Majuscule", "Mayúscula", idiom=Idiom("{0}.upper()"))
def upper(rt: Runtime, value: Any) -> str:
    return _text(value).upper()


@function("Lower", "Minuscule", "Minúscula", idiom=Idiom("{0}.lower()"))
def lower(rt: Runtime, value: Any) -> str:
    return _text(value).lower()


@function("NoSpace", "SansEspace", "SinEspacio",
          idiom=Idiom(_with(1, "{0}.strip()", "NoSpace with options")))
def no_space(rt: Runtime, value: Any, options: Any = SSC_EXTERIOR) -> str:
    """NoSpace(s [, sscExterior | sscInterior | sscAll]): outer spaces by default."""
    text = _text(value)
    flags = sem.convert_to("int", options)
    if flags & SSC_ALL:
        return re.sub(r"[ \t]+", "", text)
    if flags & SSC_INTERIOR:
        text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)
    if flags & SSC_EXTERIOR:
        text = text.strip(" \t\r\n")  # line breaks count as space at the ends (a body read from a server ends with one)
    return text


def _finder(find: str, options: int) -> re.Pattern[str]:
    pattern = re.escape(find)
    if options & WHOLE_WORD:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return re.compile(pattern, re.IGNORECASE if options & IGNORE_CASE else 0)


@function("Position", "Position", "Posición",
          idiom=Idiom(_with(2, "{0}.find({1}) + 1", "Position with a start or options")))
def position(rt: Runtime, value: Any, find: Any, start: Any = None, options: Any = 0) -> int:
    """Position(s, find [, start [, options]]): the 1-based position, 0 when absent."""
    text, needle = _text(value), _text(find)
    flags = sem.convert_to("int", options)
    if not needle:
        return 0
    matches = list(_finder(needle, flags).finditer(text))
    if flags & FROM_END:
        limit = len(text) if start is None else sem.convert_to("int", start)
        found = [m.start() for m in matches if m.start() + 1 <= limit]
        return found[-1] + 1 if found else 0
    begin = 1 if start is None else sem.convert_to("int", start)
    for m in matches:
        if m.start() + 1 >= begin:
            return m.start() + 1
    return 0


@function("Contains", "Contient", "Contiene",
          idiom=Idiom(_with(2, "{1} in {0}", "Contains with options")))
def contains(rt: Runtime, value: Any, find: Any, options: Any = 0) -> bool:
    return _finder(_text(find), sem.convert_to("int", options)).search(_text(value)) is not None


@function("Replace", "Remplace", "Reemplazar",
          idiom=Idiom(_with(3, "{0}.replace({1}, {2})", "Replace with options")))
def replace(rt: Runtime, value: Any, find: Any, by: Any, options: Any = 0) -> str:
    needle = _text(find)
    if not needle:
        return _text(value)
    return _finder(needle, sem.convert_to("int", options)).sub(lambda _m: _text(by), _text(value))


@function("Complete", "Complète", "Completar")
def complete(rt: Runtime, value: Any, size: Any, fill: Any = " ") -> str:
    """Complete(s, n [, char]): padded on the right (or cut) to exactly n characters."""
    text = _text(value)
    width = _count(size, "the length")
    pad = _text(fill) or " "
    if len(text) >= width:
        return text[:width]
    return text + (pad * width)[: width - len(text)]


@function("Repeat", "Répète", "Repetir", idiom=Idiom("{0} * {1}"))
def repeat(rt: Runtime, value: Any, times: Any) -> str:
    return _text(value) * _count(times, "the number of repetitions")


@function("StringBuild", "ChaîneConstruit", "CadenaConstruir",
          idiom=Idiom(lambda context, args: context.string_build(args)))
def string_build(rt: Runtime, template: Any, *values: Any) -> str:
    """StringBuild(fmt, p1 …): %1 … %n replaced, %% is %, a missing parameter is empty."""

    def fill(m: re.Match[str]) -> str:
        if m.group() == "%%":
            return "%"
        index = int(m.group(1))
        return _text(values[index - 1]) if 1 <= index <= len(values) else ""

    return re.sub(r"%%|%(\d+)", fill, _text(template))


def _extract_idiom(context: Any, args: list[Any]) -> str:
    """ExtractString(s, rank, separator) with a literal rank: an index into str.split."""
    if len(args) != 3 or not isinstance(args[1].constant, int) or args[1].constant < 1:
        return context.unsupported("ExtractString without a separator or with a rank that is not a literal")
    context.notes.append("past the last piece Python raises IndexError where WinDev's ExtractString gives EOT")
    return f"{context.template('{0}.split({2})', args)}[{args[1].constant - 1}]"


@function("ExtractString", "ExtraitChaîne", "ExtraerCadena", idiom=Idiom(_extract_idiom))
def extract_string(rt: Runtime, value: Any, rank: Any, separator: Any = "\t") -> str:
    """ExtractString(s, rank [, separator]): the rank-th piece (1-based), EOT past the last one."""
    pieces = _text(value).split(_text(separator)) if _text(separator) else [_text(value)]
    index = sem.convert_to("int", rank)
    if index < 1:
        raise WLRuntimeError(f"ExtractString: the rank must be 1 or more, not {index}")
    return pieces[index - 1] if index <= len(pieces) else "\x04"


_NUM_FORMAT = re.compile(r"(?P<minus>-)?(?P<plus>\+)?(?P<zero>0)?(?P<width>\d+)?(?:\.(?P<decimals>\d+))?(?P<kind>[dfexX])(?P<sep>S)?\Z")


@function("NumToString", "NumériqueVersChaîne", "NuméricoACadena",
          idiom=Idiom(_with(1, "str({0})", "NumToString with a format")))
def num_to_string(rt: Runtime, value: Any, fmt: Any = None) -> str:
    """NumToString(n [, "[-][+][0][width][.decimals]d|f|e|x[S]"])."""
    if isinstance(value, str) and not sem.is_numeric_string(value):
        return value  # a string comes back unchanged (D-NUMTOSTR)
    number = sem.to_number(value)
    if fmt is None:
        return sem.format_number(number)
    m = _NUM_FORMAT.match(_text(fmt))
    if m is None:
        raise WLRuntimeError(f"NumToString: the format {_text(fmt)!r} is not valid", hint='e.g. "05d", ".2f", "10.2fS"')
    kind = m["kind"]
    spec = ("<" if m["minus"] else "") + ("+" if m["plus"] else "")
    spec += ("0" if m["zero"] and not m["minus"] else "") + (m["width"] or "")
    if m["sep"] and kind in "df":
        spec += ","
    if kind == "d":
        text = format(int(number), spec + "d")
    elif kind == "f":
        text = format(float(number), spec + f".{m['decimals'] or 6}f")
    elif kind == "e":
        text = format(float(number), spec + f".{m['decimals'] or 6}e")
    else:
        text = format(int(number), spec + kind)
    return text.replace(",", " ") if m["sep"] else text


@function("Val", "Val", "Val",
          idiom=Idiom("float({0})", note="float() refuses text that does not start with a number; WinDev's Val gives 0"))
def val(rt: Runtime, value: Any) -> int | float:
    return sem.val(value)


# ------------------------------------------------------------------------------ dates and times


@function(("Today", "DateSys"), ("DateDuJour", "DateSys"), ("Hoy", "FechaSis"))
def today(rt: Runtime) -> WLDate:
    return WLDate(_dt.date.today())


@function(("Now", "TimeSys"), ("Maintenant", "HeureSys"), ("Ahora", "HoraSis"))
def now(rt: Runtime) -> WLTime:
    return WLTime(_dt.datetime.now().time())


@function("SysDateTime", "DateHeureSys", "FechaHoraSis")
def sys_date_time(rt: Runtime) -> WLDateTime:
    return WLDateTime(_dt.datetime.now())


_DATE_TOKENS = re.compile(r"YYYY|AAAA|YY|AA|MMMM|MMM|MM|M|DDDD|JJJJ|DDD|JJJ|DD|JJ|D|J")
# Month and day names by language; a mask written with French letters (JJ/MM/AAAA) gets French names.
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
}
_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


@function("DateToString", "DateVersChaîne", "FechaACadena")
def date_to_string(rt: Runtime, value: Any, fmt: Any = "DD/MM/YYYY") -> str:
    """DateToString(d [, mask]): YYYY/AAAA, YY/AA, MMMM, MMM, MM, M, DDDD/JJJJ, DDD/JJJ, DD/JJ, D/J."""
    date = sem.convert_to("Date", value).value
    mask = _text(fmt)
    lang = "fr" if re.search(r"J|AA", mask) else "en"
    month, day = _MONTHS[lang][date.month - 1], _DAYS[lang][date.weekday()]
    parts = {
        "YYYY": f"{date.year:04d}", "YY": f"{date.year % 100:02d}", "MMMM": month, "MMM": month[:3],
        "MM": f"{date.month:02d}", "M": str(date.month), "DDDD": day, "DDD": day[:3],
        "DD": f"{date.day:02d}", "D": str(date.day),
    }
    french = {"AAAA": "YYYY", "AA": "YY", "JJJJ": "DDDD", "JJJ": "DDD", "JJ": "DD", "J": "D"}
    return _DATE_TOKENS.sub(lambda m: parts[french.get(m.group(), m.group())], mask)


# ------------------------------------------------------------------------------ arrays


def _array(value: Any, function_name: str) -> WLArray:
    if not isinstance(value, WLArray):
        raise WLRuntimeError(f"{function_name} needs an array, not a {sem.type_name_of(value)}", diagnostic_code="type")
    return value


@function(("ArrayCount", "Count"), ("TableauOccurrence", "Occurrence"), ("ArregloOcurrencia",),
          python=("len({0})", ("array",)), idiom=Idiom("len({0})"))
def array_count(rt: Runtime, value: Any) -> int:
    if isinstance(value, (WLArray, WLAssociativeArray)):
        return len(value)
    raise WLRuntimeError(f"ArrayCount needs an array, not a {sem.type_name_of(value)}", diagnostic_code="type")


@function(("ArrayAdd", "Add"), ("TableauAjoute", "Ajoute"), ("ArregloAgregar", "Agregar"),
          idiom=Idiom("{0}.append({1})"), changes_argument=True, grows=True)
def array_add(rt: Runtime, array: Any, value: Any = None) -> int:
    """ArrayAdd(t [, v]): append (an empty element when v is omitted); returns the new element's index."""
    target = _array(array, "ArrayAdd")
    return target.add(target.make_default() if value is None else value)


@function("ArrayDeleteAll", "TableauSupprimeTout", "ArregloEliminarTodo", idiom=Idiom("{0}.clear()"),
          changes_argument=True)
def array_delete_all(rt: Runtime, array: Any) -> None:
    target = array if isinstance(array, (WLArray, WLAssociativeArray)) else _array(array, "ArrayDeleteAll")
    if isinstance(target, WLArray):
        target.clear()
    else:
        target.entries.clear()


@function("ArrayDelete", "TableauSupprime", "ArregloEliminar", changes_argument=True)
def array_delete(rt: Runtime, array: Any, index: Any) -> None:
    _array(array, "ArrayDelete").delete(index)


@function("ArrayInsert", "TableauInsère", "ArregloInsertar", changes_argument=True)
def array_insert(rt: Runtime, array: Any, index: Any, value: Any) -> None:
    _array(array, "ArrayInsert").insert(index, value)


def empty_value(type_name: str) -> Any:
    """The value a new variable of a simple type starts with."""
    return EMPTY_VALUES.get(type_name)
