"""What tokens cost: a price per model, in US dollars per million tokens in and out.

The table holds OpenAI's list prices for a few models, used for `openai:<model>` specs. Any
other model (the local one, an OpenAI-compatible server) costs nothing unless priced with
`--price-in/--price-out` or the `price_in`/`price_out` settings, which override the table.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

PER_TOKENS = 1_000_000


class Price(BaseModel):
    """US dollars per million tokens sent (`usd_in`) and received (`usd_out`)."""

    model_config = ConfigDict(frozen=True)

    usd_in: float = Field(0.0, ge=0)
    usd_out: float = Field(0.0, ge=0)

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        """The dollars `tokens_in` and `tokens_out` cost."""
        return (tokens_in * self.usd_in + tokens_out * self.usd_out) / PER_TOKENS


PRICES = {
    "gpt-4o": Price(usd_in=2.50, usd_out=10.00),
    "gpt-4o-mini": Price(usd_in=0.15, usd_out=0.60),
    "gpt-4.1": Price(usd_in=2.00, usd_out=8.00),
    "gpt-4.1-mini": Price(usd_in=0.40, usd_out=1.60),
    "gpt-4.1-nano": Price(usd_in=0.10, usd_out=0.40),
    "o4-mini": Price(usd_in=1.10, usd_out=4.40),
}


def price_of(llm: str, usd_in: float | None = None, usd_out: float | None = None) -> Price:
    """The price of the model an LLM spec names: the table's for 'openai:<model>', else
    free; `usd_in` and `usd_out`, when given, replace the table's."""
    provider, _, name = llm.partition(":")
    listed = PRICES.get(name, Price()) if provider == "openai" else Price()
    return Price(
        usd_in=listed.usd_in if usd_in is None else usd_in,
        usd_out=listed.usd_out if usd_out is None else usd_out,
    )
