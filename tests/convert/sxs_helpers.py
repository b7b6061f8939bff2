"""Small builders for side-by-side test articles."""

from __future__ import annotations

FRONT = """---
title: {title}
ms.openlocfilehash: 8122b409a731a5fcc46c718aff1eeda07e26890b
ms.translationtype: MT
ms.contentlocale: ko-KR
ms.lasthandoff: 06/02/2020
ms.locfileid: "44506449"
---
"""


def pair(target: str, source: str, ident: str = "cc38f-1") -> str:
    return (
        f'<span data-ttu-id="{ident}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{ident}">{source}</span></span>'
    )


def article(body: str, title: str = "제목") -> str:
    return FRONT.format(title=title) + body
