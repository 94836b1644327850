//! How sensitive a column's data is, suggested from its name and type: a level (public,
//! internal, confidential, restricted) and, for personal data, its kind (email, phone, name,
//! address, birth date, national id, payment, health, credentials, network address).

use std::collections::HashMap;
use std::sync::OnceLock;

use relvar_model::{Column, Table};

/// How widely a column's values may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Public,
    Internal,
    Confidential,
    Restricted,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Public => "public",
            Level::Internal => "internal",
            Level::Confidential => "confidential",
            Level::Restricted => "restricted",
        }
    }
}

/// The kind of personal (or secret) data a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PersonalData {
    Email,
    Phone,
    Name,
    Address,
    BirthDate,
    NationalId,
    Payment,
    Health,
    Credentials,
    NetworkAddress,
}

impl PersonalData {
    pub fn label(self) -> &'static str {
        match self {
            PersonalData::Email => "email",
            PersonalData::Phone => "phone",
            PersonalData::Name => "name",
            PersonalData::Address => "address",
            PersonalData::BirthDate => "birth date",
            PersonalData::NationalId => "national id",
            PersonalData::Payment => "payment",
            PersonalData::Health => "health",
            PersonalData::Credentials => "credentials",
            PersonalData::NetworkAddress => "network address",
        }
    }

    fn level(self) -> Level {
        match self {
            PersonalData::NationalId
            | PersonalData::Payment
            | PersonalData::Health
            | PersonalData::Credentials => Level::Restricted,
            _ => Level::Confidential,
        }
    }
}

/// A column's suggested classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    pub level: Level,
    pub personal: Option<PersonalData>,
}

impl Classification {
    /// `confidential (email)`, `internal`.
    pub fn label(self) -> String {
        match self.personal {
            Some(kind) => format!("{} ({})", self.level.label(), kind.label()),
            None => self.level.label().to_owned(),
        }
    }
}

/// Words of a name that say what personal data it holds, whole words of the name
/// (`snake_case`, `camelCase`), the first match winning.
const WORDS: &[(&[&str], PersonalData)] = &[
    (
        &[
            "password",
            "passwd",
            "pwd",
            "secret",
            "token",
            "apikey",
            "salt",
            "otp",
            "totp",
            "mfa",
            "credential",
            "credentials",
        ],
        PersonalData::Credentials,
    ),
    (
        &[
            "ssn",
            "sin",
            "nin",
            "passport",
            "taxid",
            "tin",
            "vat",
            "nationalid",
            "license",
            "licence",
        ],
        PersonalData::NationalId,
    ),
    (
        &[
            "card",
            "cc",
            "cvv",
            "cvc",
            "iban",
            "bic",
            "swift",
            "pan",
            "routing",
            "accountnumber",
            "bankaccount",
        ],
        PersonalData::Payment,
    ),
    (
        &[
            "diagnosis",
            "health",
            "medical",
            "medication",
            "allergy",
            "allergies",
            "blood",
            "disability",
            "prescription",
            "symptom",
            "symptoms",
        ],
        PersonalData::Health,
    ),
    (&["email", "mail", "emailaddress"], PersonalData::Email),
    (
        &[
            "phone",
            "mobile",
            "cell",
            "fax",
            "tel",
            "telephone",
            "msisdn",
        ],
        PersonalData::Phone,
    ),
    (
        &["birth", "birthday", "birthdate", "dob"],
        PersonalData::BirthDate,
    ),
    (
        &[
            "firstname",
            "lastname",
            "fullname",
            "surname",
            "forename",
            "givenname",
            "familyname",
            "middlename",
            "maidenname",
            "nickname",
        ],
        PersonalData::Name,
    ),
    (
        &[
            "address",
            "street",
            "postcode",
            "postal",
            "zip",
            "zipcode",
            "city",
            "latitude",
            "longitude",
        ],
        PersonalData::Address,
    ),
    (
        &["ip", "ipaddress", "useragent"],
        PersonalData::NetworkAddress,
    ),
];

/// Tables whose `name` column names a person.
const PEOPLE: &[&str] = &[
    "user",
    "users",
    "customer",
    "customers",
    "person",
    "people",
    "persons",
    "employee",
    "employees",
    "staff",
    "member",
    "members",
    "contact",
    "contacts",
    "author",
    "authors",
    "patient",
    "patients",
    "student",
    "students",
    "account",
    "accounts",
    "actor",
    "actors",
    "client",
    "clients",
    "profile",
    "profiles",
];

/// Each word of WORDS with its group's place and kind, built once.
fn kind_of_word() -> &'static HashMap<&'static str, (usize, PersonalData)> {
    static KINDS: OnceLock<HashMap<&'static str, (usize, PersonalData)>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let mut kinds = HashMap::new();
        for (place, (names, kind)) in WORDS.iter().enumerate() {
            for name in *names {
                kinds.entry(*name).or_insert((place, *kind));
            }
        }
        kinds
    })
}

/// The classification a column's name and type suggest.
pub fn suggest(table: &Table, column: &Column) -> Classification {
    let words = words(&column.name);
    let joined: String = words.concat();
    // The earliest group of WORDS any word (or the words run together) belongs to.
    let found = words
        .iter()
        .chain([&joined])
        .filter_map(|word| kind_of_word().get(word.as_str()))
        .min()
        .map(|(_, kind)| *kind);
    let found = found.or_else(|| {
        let person_name =
            joined == "name" && PEOPLE.contains(&table.name.to_ascii_lowercase().as_str());
        let network = column.data_type.eq_ignore_ascii_case("inet");
        if person_name {
            Some(PersonalData::Name)
        } else if network {
            Some(PersonalData::NetworkAddress)
        } else {
            None
        }
    });
    let found = found.filter(|kind| can_hold(*kind, &words, &column.data_type));
    match found {
        Some(kind) => Classification {
            level: kind.level(),
            personal: Some(kind),
        },
        None => Classification {
            level: Level::Internal,
            personal: None,
        },
    }
}

/// Whether a column of this type can hold that kind of data itself: a flag or a timestamp
/// about an email is not an email (a date may be a birth date), nor is an integer key to a card.
fn can_hold(kind: PersonalData, words: &[String], data_type: &str) -> bool {
    let data_type = data_type.to_ascii_lowercase();
    let base = data_type.split(['(', ' ']).next().unwrap_or_default();
    let flag = matches!(base, "bool" | "boolean" | "bit");
    let moment = base.starts_with("date") || base.starts_with("time") || base == "year";
    let integer = base.contains("int") || base == "serial" || base == "bigserial";
    let key = words.last().is_some_and(|word| word == "id");
    match kind {
        PersonalData::BirthDate => !flag,
        _ => !(flag || moment || (integer && key)),
    }
}

/// The lower-case words of a name: split at `_`, `-`, spaces, digits and camelCase humps.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphabetic() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use relvar_model::{ColumnId, TableId};

    use super::*;

    fn suggested(table: &str, column: &str, data_type: &str) -> String {
        let table = Table::new(TableId(1), None, table);
        suggest(&table, &Column::new(ColumnId(1), column, data_type)).label()
    }

    #[test]
    fn names_and_types_suggest_the_kind_of_personal_data_and_its_level() {
        assert_eq!(suggested("users", "email", "text"), "confidential (email)");
        assert_eq!(
            suggested("users", "contactEmail", "text"),
            "confidential (email)"
        );
        assert_eq!(
            suggested("users", "password_hash", "text"),
            "restricted (credentials)"
        );
        assert_eq!(
            suggested("customer", "first_name", "text"),
            "confidential (name)"
        );
        assert_eq!(suggested("customer", "name", "text"), "confidential (name)");
        assert_eq!(suggested("product", "name", "text"), "internal");
        assert_eq!(
            suggested("payment", "card_number", "text"),
            "restricted (payment)"
        );
        assert_eq!(
            suggested("patient", "diagnosis", "text"),
            "restricted (health)"
        );
        assert_eq!(
            suggested("person", "date_of_birth", "date"),
            "confidential (birth date)"
        );
        assert_eq!(
            suggested("address", "postal_code", "text"),
            "confidential (address)"
        );
        assert_eq!(
            suggested("session", "client", "inet"),
            "confidential (network address)"
        );
        assert_eq!(suggested("orders", "total", "numeric"), "internal");
        // Whole words only: `shipped` holds `ip`, `cardinality` holds `card`.
        assert_eq!(suggested("orders", "shipped", "bool"), "internal");
        assert_eq!(suggested("stats", "cardinality", "int"), "internal");
        // About the data, not the data: a flag, a moment, a key to another table.
        assert_eq!(
            suggested("users", "email_verified_at", "timestamp"),
            "internal"
        );
        assert_eq!(suggested("users", "has_phone", "boolean"), "internal");
        assert_eq!(suggested("orders", "card_id", "bigint"), "internal");
    }
}
