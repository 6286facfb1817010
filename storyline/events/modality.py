"""What a stated act is, as CAMEO codes it: an act the source says it will do is the intent it states now, a
hostile act made conditional on the other side is a threat, and cooperation it says it will not give is a
refusal. Each function takes and returns (code, status)."""
from __future__ import annotations

from typing import Any

from storyline.events.arguments import is_verbal

Token = Any


# A cooperative act announced for the future is coded, as CAMEO coders do, as the intent it expresses now
# ("Portugal will support Turkey's bid" = 032); an attack announced for the future is a threat (138). Legal steps
# and other acts keep their code with status "planned" ("a hearing will be held Thursday"); announced sanctions
# and repression are threats too (131, 137), but not arrests and trials (173), which courts schedule.
_INTENT_OF = {"0841": "0353", "0871": "0356", "081": "0351", "085": "0354", "086": "0355", "083": "034",
              "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "16": "131",
              "161": "1313",
              "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "18": "138", "19": "138",
              "20": "138", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
              "175": "137", "191": "1381", "192": "1382", "180": "1383", "190": "1384"}


def is_withdrawal(code: str) -> bool:
    """Pulling forces back or out (0872-0874): a threat when made conditional, unlike a ceasefire (0871), which
    stays a promise ("will declare a ceasefire if Israel withdraws")."""
    return code.startswith(("0872", "0873", "0874"))


def as_intent(code: str | None, status: str, announced: bool) -> tuple[str | None, str]:
    """(code, status) for an act the source (named in the text: `announced`) says it will carry out."""
    if code is None or status != "planned" or not announced:
        return code, status
    for key in (code, code[:3], code[:2]):
        if key in _INTENT_OF:
            return _INTENT_OF[key], "asserted"
    return code, status


def condition_mark(tok: Token) -> str | None:
    """"unless" or "if" heading a clause attached to the trigger or to the verb that governs it: "will withdraw
    its force from Chad unless ...", "may halt mediation if cooperation founders"."""
    for node in (tok, tok.head):
        for c in node.children:
            if c.dep_ == "advcl":
                mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None)
                if mark:
                    return mark
        if is_verbal(node):
            break
    return None


def as_threat(code: str | None, status: str, mark: str | None) -> tuple[str | None, str]:
    """(code, status) for a hostile act made conditional on the other side's conduct: a threat (13x), as CAMEO
    codes "X will boycott the elections unless ...". Cooperative acts on a condition stay what they are."""
    # "could attack Ukraine if the talks fail" is a writer's conjecture, no threat: "if" counts on a stated future
    conditional = mark == "unless" or (mark == "if" and status == "planned")
    if code is None or not conditional or not (code[:2] >= "10" or is_withdrawal(code)):
        return code, status
    if code.startswith("13"):
        return code, "asserted"
    for key in (code, code[:3], code[:2]):
        if _INTENT_OF.get(key, "").startswith("13"):
            return _INTENT_OF[key], "asserted"
    return ("131" if is_withdrawal(code) else "130"), "asserted"


# A cooperative act the source says it will not do is a refusal (12x): "will not accept any more refugees",
# "would not meet the hostage-takers' demands". Keys: CAMEO code or prefix of the act refused.
_REFUSAL_OF = {"04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
               "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
               "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232",
               "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}


_WILL_NOT = {"will", "would", "wo", "'ll", "shall"}


def as_refusal(code: str | None, status: str, tok: Token) -> tuple[str | None, str]:
    if code is None or status != "negated":
        return code, status
    chain = [tok, tok.head] if tok.dep_ in ("xcomp", "dobj") else [tok]
    if not any(c.dep_ == "aux" and c.lower_ in _WILL_NOT for node in chain for c in node.children):
        return code, status   # "did not release" reports that nothing happened; it refuses nothing
    for key in (code, code[:3], code[:2]):
        if key in _REFUSAL_OF:
            return _REFUSAL_OF[key], "asserted"
    return code, status


def modality(code: str | None, status: str, tok: Token, announced: bool) -> tuple[str | None, str]:
    """All three readings in order, for an act whose source the text names (`announced`)."""
    if announced:
        code, status = as_threat(code, status, condition_mark(tok))
    code, status = as_intent(code, status, announced)
    return as_refusal(code, status, tok) if announced else (code, status)
