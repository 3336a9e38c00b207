//! Domain types that validate on creation. Pure: no I/O, no Telegram, no database.

pub mod agency;
pub mod area;
pub mod audience;
pub mod language;
pub mod membership;
pub mod person_name;
pub mod phone;
pub mod place;
pub mod profile;
pub mod sheet;
pub mod staff;
pub mod start_payload;
pub mod text;
pub mod training;
pub mod training_csv;
pub mod when;
pub mod years;

pub use audience::Audience;
pub use language::Language;
pub use membership::MembershipStatus;
pub use person_name::{NameError, PersonName};
pub use phone::{Phone, PhoneError};
pub use place::{PlaceError, PlaceName};
pub use profile::{Country, Destination, Interest, Profile, Relation, Role, Sector};
pub use start_payload::StartPayload;
pub use training::{
    Capacity, Category, Description, FieldError, Location, Title, TrainingDetails, TrainingStatus,
};
pub use years::{YearsAbroad, YearsError};
