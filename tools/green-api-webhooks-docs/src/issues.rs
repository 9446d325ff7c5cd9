//! The kinds of problems a page can have. Each becomes a [`crate::Problem`] message.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum Issue {
    #[error(
        "column header `{written}` contains a non-Latin letter (such as a Cyrillic е); read as `{read}`"
    )]
    NonLatinHeader { written: String, read: String },
    #[error("column headers are in Russian; normalised to English")]
    RussianHeader,
    #[error("heading `{written}` glues the object name to `{kind}`; read object `{name}`")]
    GluedHeading {
        written: String,
        kind: &'static str,
        name: String,
    },
    #[error("heading `{written}` is misspelt; read as the webhook parameters")]
    MisspeltWebhookHeading { written: String },
    #[error(
        "no heading names the object of this table; inferred `{inferred}` from the `{from}` table"
    )]
    ObjectNameInferred { inferred: String, from: String },
    #[error("no heading names the object of this table, and none could be inferred")]
    ObjectNameMissing,
    #[error("table header without rows")]
    EmptyTable,
    #[error("row `{name}` has a 4th cell in a 3-column table; `{value}` taken as Mandatory")]
    MandatoryInFourthCell { name: String, value: String },
    #[error(
        "row `{name}` has only `{value}` in the Description column; taken as Mandatory, description is missing"
    )]
    MandatoryInDescription { name: String, value: String },
    #[error("row `{name}` has Mandatory `{value}`, which is neither Yes nor No")]
    MandatoryNotYesNo { name: String, value: String },
    #[error("row `{name}` has a table header glued to its end; ignored")]
    GluedTableHeader { name: String },
    #[error("row `{name}` has extra cells, ignored: {cells}")]
    ExtraCells { name: String, cells: String },
    #[error("row without a parameter name, dropped: {text}")]
    RowWithoutName { text: String },
    #[error("row `{name}` has no type")]
    RowWithoutType { name: String },
    #[error("row `default` is not a key: it describes the items of array `{object}`")]
    DefaultPseudoRow { object: String },
    #[error("row `{name}` has the name of the object its table describes")]
    RowNamedAfterObject { name: String },
    #[error("row `{name}` appears twice in the table")]
    DuplicateRow { name: String },
    #[error("enum value row before any parameter row, ignored: {text}")]
    OrphanContinuation { text: String },
    #[error("page ends inside this table; its last row `{name}` may be incomplete")]
    TableCutShort { name: String },
    #[error("page ends inside this table; incomplete last row `{text}` dropped")]
    TableCutRowDropped { text: String },
    #[error("page ends inside a table header")]
    HeaderCutShort,
    #[error("example is not valid JSON{hints}: {detail} at page line {line}, column {column}")]
    ExampleInvalid {
        hints: String,
        detail: String,
        line: usize,
        column: usize,
    },
    #[error("example cut short")]
    ExampleCutShort,
    #[error("typeMessage has several values ({values}); kept the first")]
    SeveralTypeMessages { values: String },
    #[error("parameter list without nesting: fields of nested objects are listed as if top-level")]
    FlatParamList,
}
